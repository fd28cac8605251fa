namespace NeuralPost.Tests;

internal sealed class SmokeTests
{
    [Test]
    public void CoreExceptionCarriesMessage() =>
        Assert.That(new NeuralPost.Core.NeuralPostException("x").Message, Is.EqualTo("x"));
}
