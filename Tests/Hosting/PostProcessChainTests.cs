using NeuralPost.Core;
using NeuralPost.Graphics;

namespace NeuralPost.Tests.Hosting;

internal sealed class PostProcessChainTests
{
    [Test]
    public void PassesRunInComponentOrderAndTheLastWritesTheDisplay()
    {
        using var host = new TestHost();
        var (gameObject, _) = host.AddCamera();
        foreach (var tag in new[] { "C", "A", "B" })
        {
            gameObject.AddComponent<TagPass>().Tag = tag;
        }

        host.Frame();
        Assert.That(host.Display.Content, Is.EqualTo(new[] { "scene:Main", "C", "A", "B" }));
        Assert.That(host.Copier.Calls, Is.Empty, "the last pass writes the display itself");
    }

    [Test]
    public void WithoutPassesTheSceneIsCopiedToTheDisplay()
    {
        using var host = new TestHost();
        var (_, camera) = host.AddCamera();
        host.Frame();
        Assert.That(host.Display.Content, Is.EqualTo(new[] { "scene:Main", "blit:Nearest" }));

        camera.RenderScale = 0.5f;
        host.Frame();
        Assert.Multiple(() =>
        {
            Assert.That(host.Scene.Calls[^1].Size, Is.EqualTo(new Size(64, 36)));
            Assert.That(host.Display.Content, Is.EqualTo(new[] { "scene:Main", "blit:Linear" }));
        });
    }

    [Test]
    public void DisabledPassesAreNotRendered()
    {
        using var host = new TestHost();
        var (gameObject, _) = host.AddCamera();
        var first = gameObject.AddComponent<TagPass>();
        first.Tag = "A";
        var second = gameObject.AddComponent<TagPass>();
        second.Tag = "B";
        second.Enabled = false;

        host.Frames(3);
        Assert.Multiple(() =>
        {
            Assert.That(second.Calls, Is.Empty);
            Assert.That(host.Display.Content, Is.EqualTo(new[] { "scene:Main", "A" }));
        });
    }

    [Test]
    public void PassesWhoseSettingsAreInactiveAreSkippedUntilActiveAgain()
    {
        using var host = new TestHost();
        var (gameObject, _) = host.AddCamera();
        var first = gameObject.AddComponent<TagPass>();
        first.Tag = "A";
        var second = gameObject.AddComponent<TagPass>();
        second.Tag = "B";
        second.Active = false;

        host.Frames(2);
        Assert.Multiple(() =>
        {
            Assert.That(second.Calls, Is.Empty, "an inactive pass is not called");
            Assert.That(host.Display.Content, Is.EqualTo(new[] { "scene:Main", "A" }));
        });

        second.Active = true;
        host.Frame();
        Assert.That(host.Display.Content, Is.EqualTo(new[] { "scene:Main", "A", "B" }));
    }

    [Test]
    public void PingPongTargetsAreAllocatedOnceAndReused()
    {
        using var host = new TestHost();
        var (gameObject, camera) = host.AddCamera();
        var passes = Enumerable.Range(0, 4).Select(i =>
        {
            var pass = gameObject.AddComponent<TagPass>();
            pass.Tag = $"P{i}";
            return pass;
        }).ToArray();

        host.Frame();
        var afterFirstFrame = host.Allocator.Created.Count;
        host.Frames(20);

        Assert.Multiple(() =>
        {
            Assert.That(afterFirstFrame, Is.EqualTo(3), "scene target plus two ping-pong targets");
            Assert.That(host.Allocator.Created, Has.Count.EqualTo(afterFirstFrame));
            Assert.That(host.Allocator.Created, Has.None.Matches<FakeRenderTarget>(t => t.IsDisposed));
            Assert.That(host.World.GetTargetCount(camera), Is.EqualTo(3));
            Assert.That(passes.SelectMany(p => p.Calls), Has.None.Matches<(FakeRenderTarget Source, FakeRenderTarget Destination)>(
                c => ReferenceEquals(c.Source, c.Destination)), "a pass never reads the target it writes");
            Assert.That(host.Display.Content, Is.EqualTo(new[] { "scene:Main", "P0", "P1", "P2", "P3" }));
        });
    }

    [Test]
    public void TargetsAreReplacedWhenTheDisplaySizeChangesAndOnlyThen()
    {
        using var host = new TestHost(128, 72);
        var (gameObject, camera) = host.AddCamera();
        gameObject.AddComponent<FakeUpscaler>();
        gameObject.AddComponent<TagPass>();
        host.Frames(3);
        var before = host.Allocator.Created.ToArray();

        host.Display = new FakeRenderTarget(256, 144, TextureFormat.Rgba8, false, -2);
        host.Frames(3);
        var created = host.Allocator.Created.Except(before).ToArray();

        Assert.Multiple(() =>
        {
            Assert.That(before.Select(t => t.ToString()), Is.EqualTo(new[] { "#0 64x36", "#1 128x72" }));
            Assert.That(created.Select(t => t.ToString()), Is.EqualTo(new[] { "#2 128x72", "#3 256x144" }));
            Assert.That(before, Has.All.Matches<FakeRenderTarget>(t => t.IsDisposed), "old sizes are released");
            Assert.That(host.World.GetTargetCount(camera), Is.EqualTo(2));
        });
    }

    [Test]
    public void AnUpscalerReadsTheRenderResolutionAndWritesTheOutputSize()
    {
        using var host = new TestHost(128, 72);
        var (gameObject, camera) = host.AddCamera();
        var upscaler = gameObject.AddComponent<FakeUpscaler>();
        var after = gameObject.AddComponent<TagPass>();
        after.Tag = "dehaze";

        host.Frame();
        var (source, destination) = upscaler.Calls.Single();
        Assert.Multiple(() =>
        {
            Assert.That(camera.RenderResolution, Is.EqualTo(new Size(64, 36)));
            Assert.That(host.Scene.Calls.Single().Size, Is.EqualTo(new Size(64, 36)));
            Assert.That(host.Scene.Calls.Single().WithDepth, Is.True);
            Assert.That((source.Width, source.Height), Is.EqualTo((64, 36)));
            Assert.That((destination.Width, destination.Height), Is.EqualTo((128, 72)));
            Assert.That(after.Calls.Single().Source, Is.SameAs(destination));
            Assert.That(after.Calls.Single().Destination, Is.SameAs(host.Display));
        });
    }

    [Test]
    public void CameraTargetTextureReceivesTheOutputInsteadOfTheDisplay()
    {
        using var host = new TestHost(128, 72);
        var (gameObject, camera) = host.AddCamera("Mirror");
        var texture = new FakeRenderTarget(40, 30, TextureFormat.Rgba8, false, -3);
        camera.TargetTexture = texture;
        gameObject.AddComponent<FakeUpscaler>().Settings.Tier = UpscaleTier.UltraPerformance;

        host.Frame();
        Assert.Multiple(() =>
        {
            Assert.That(host.Scene.Calls.Single().Size, Is.EqualTo(new Size(13, 10)));
            Assert.That(texture.Content, Is.EqualTo(new[] { "scene:Mirror", "upscale" }));
            Assert.That(host.Display.Content, Is.Empty);
        });
    }

    [Test]
    public void CamerasRenderByDepthThenAddOrder()
    {
        using var host = new TestHost();
        var (_, late) = host.AddCamera("Late");
        late.Depth = 1;
        host.AddCamera("First");
        host.AddCamera("Second");
        var (_, disabled) = host.AddCamera("Off");
        disabled.Enabled = false;

        host.Frame();
        Assert.That(host.Scene.Calls.Select(c => c.Camera.GameObject.Name), Is.EqualTo(new[] { "First", "Second", "Late" }));
    }

    [Test]
    public void ACameraThatStopsRenderingReleasesItsTargets()
    {
        using var host = new TestHost();
        var (_, camera) = host.AddCamera();
        host.Frame();
        Assert.That(host.Allocator.Live, Is.EqualTo(1));

        camera.Enabled = false;
        host.Frame();
        Assert.That(host.Allocator.Live, Is.Zero);
    }
}
