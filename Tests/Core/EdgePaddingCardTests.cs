using System.Text.Json;
using NeuralPost.Core;

namespace NeuralPost.Tests.Core;

internal sealed class EdgePaddingCardTests
{
    [Test]
    public void TheCardsFieldSetsTheBorderAndItsAbsenceGivesTheDefault()
    {
        Assert.Multiple(() =>
        {
            Assert.That(EdgePadding.For(Card("12")), Is.EqualTo(new EdgePadding(12, EdgeMode.Replicate)));
            Assert.That(EdgePadding.For(Card(null), EdgeMode.Wrap), Is.EqualTo(new EdgePadding(EdgePadding.DefaultBorder, EdgeMode.Wrap)));
            Assert.That(EdgePadding.For(null).Border, Is.EqualTo(EdgePadding.DefaultBorder));
        });
    }

    [TestCase("-1")]
    [TestCase("257")]
    [TestCase("2.5")]
    [TestCase("\"8\"")]
    public void AFieldThatIsNotASmallIntegerIsAManifestError(string json) =>
        Assert.That(() => EdgePadding.For(Card(json)),
            Throws.TypeOf<ModelManifestException>().With.Message.Contains("edgePadding").And.Message.Contains("m1"));

    [Test]
    public void ReplicateClampsAndWrapGoesRoundAsOftenAsNeeded()
    {
        var replicate = new EdgePadding(4, EdgeMode.Replicate);
        var wrap = new EdgePadding(4, EdgeMode.Wrap);
        Assert.Multiple(() =>
        {
            Assert.That(new[] { -4, -1, 0, 2, 3, 7 }.Select(x => replicate.Map(x, 3)), Is.EqualTo(new[] { 0, 0, 0, 2, 2, 2 }));
            Assert.That(new[] { -4, -1, 0, 2, 3, 7 }.Select(x => wrap.Map(x, 3)), Is.EqualTo(new[] { 2, 2, 0, 2, 0, 1 }));
        });
    }

    private static ModelCard Card(string? edgePadding) => new()
    {
        Id = "m1",
        File = "m1.onnx",
        Sha256 = new string('0', 64),
        Kind = "super-resolution",
        Extra = edgePadding is null ? null : new Dictionary<string, JsonElement> { [EdgePadding.CardField] = JsonDocument.Parse(edgePadding).RootElement },
    };
}
