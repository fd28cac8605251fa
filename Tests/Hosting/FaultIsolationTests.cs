using NeuralPost.Graphics;
using NeuralPost.Core;
using NeuralPost.Hosting;

namespace NeuralPost.Tests.Hosting;

internal sealed class FaultIsolationTests
{
    [Test]
    public void AThrowingPassIsCopiedThroughLoggedOnceAndTheNextPassStillRuns()
    {
        using var host = new TestHost();
        var (gameObject, _) = host.AddCamera();
        gameObject.AddComponent<TagPass>().Tag = "A";
        var broken = gameObject.AddComponent<TagPass>();
        broken.Tag = "broken";
        broken.Throws = true;
        gameObject.AddComponent<TagPass>().Tag = "B";

        host.Frames(10);
        Assert.Multiple(() =>
        {
            Assert.That(host.Display.Content, Is.EqualTo(new[] { "scene:Main", "A", "blit:Nearest", "B" }));
            Assert.That(host.Log, Has.Count.EqualTo(1));
            Assert.That(host.Log[0], Does.Contain("Main/TagPass").And.Contain("broken"));
            Assert.That(broken.IsFaulted);
            Assert.That(broken.Calls, Has.Count.EqualTo(1), "a faulted pass is not retried every frame");
        });
    }

    [Test]
    public void ReEnablingAFaultedPassRetriesIt()
    {
        using var host = new TestHost();
        var (gameObject, _) = host.AddCamera();
        var pass = gameObject.AddComponent<TagPass>();
        pass.Throws = true;
        host.Frames(3);

        pass.Throws = false;
        pass.Enabled = false;
        pass.Enabled = true;
        host.Frame();
        Assert.Multiple(() =>
        {
            Assert.That(pass.IsFaulted, Is.False);
            Assert.That(host.Display.Content, Is.EqualTo(new[] { "scene:Main", "pass" }));
        });

        pass.Throws = true;
        host.Frames(3);
        Assert.That(host.Log, Has.Count.EqualTo(2), "once per enabled life");
    }

    [Test]
    public void AThrowingUpscalerFallsBackToABilinearBlitToTheOutputSize()
    {
        using var host = new TestHost(128, 72);
        var (gameObject, _) = host.AddCamera();
        gameObject.AddComponent<FakeUpscaler>().Throws = true;
        var after = gameObject.AddComponent<TagPass>();
        after.Tag = "dehaze";

        host.Frames(5);
        var (source, destination, filter) = host.Copier.Calls[^1];
        Assert.Multiple(() =>
        {
            Assert.That(filter, Is.EqualTo(BlitFilter.Linear));
            Assert.That((source.Width, source.Height), Is.EqualTo((64, 36)));
            Assert.That((destination.Width, destination.Height), Is.EqualTo((128, 72)));
            Assert.That(host.Display.Content, Is.EqualTo(new[] { "scene:Main", "blit:Linear", "dehaze" }));
            Assert.That(host.Log, Has.Count.EqualTo(1));
        });
    }

    [Test]
    public void APassesOwnFallbackIsPreferredAndItsFailureIsAlsoSurvived()
    {
        using var host = new TestHost();
        var (gameObject, _) = host.AddCamera();
        var pass = gameObject.AddComponent<FallbackTagPass>();
        pass.Tag = "sr";
        pass.Throws = true;

        host.Frames(2);
        Assert.That(host.Display.Content, Is.EqualTo(new[] { "scene:Main", "sr-fallback" }));

        pass.FallbackThrows = true;
        host.Frames(4);
        Assert.Multiple(() =>
        {
            Assert.That(host.Display.Content, Is.EqualTo(new[] { "scene:Main", "blit:Nearest" }));
            Assert.That(host.Log, Has.Count.EqualTo(2), "the pass and its fallback, once each");
        });
    }

    [Test]
    public void AnInvalidOutputSizeFaultsThePassButNotTheFrame()
    {
        using var host = new TestHost(128, 72);
        var (gameObject, _) = host.AddCamera();
        gameObject.AddComponent<ZeroSizePass>();

        host.Frames(3);
        Assert.Multiple(() =>
        {
            Assert.That(host.Display.Content, Is.EqualTo(new[] { "scene:Main", "blit:Nearest" }));
            Assert.That(host.Log, Has.Count.EqualTo(1));
        });
    }

    private sealed class ZeroSizePass : TagPass
    {
        public override Size GetOutputSize(Size input, Camera camera) => new(0, input.Height);
    }
}
