using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Tests.Hosting;

internal sealed class SteadyStateAllocationTests
{
    [Test]
    public void UpdatingAndRenderingAllocateNothingOnceTargetsExist()
    {
        var allocator = new FakeAllocator();
        using var world = new World(allocator, new SilentScene(), new SilentCopier());
        var display = new FakeRenderTarget(64, 32, TextureFormat.Rgba8, false, -1);
        for (var i = 0; i < 2; i++)
        {
            var gameObject = world.CreateGameObject($"Camera{i}");
            gameObject.AddComponent<Camera>().Depth = 1 - i;
            gameObject.AddComponent<SilentUpscaler>();
            gameObject.AddComponent<SilentPass>();
            gameObject.AddComponent<SilentPass>();
        }

        var time = new FrameTime(0f, 0d, 0);
        void Frame()
        {
            world.Update(time);
            world.Render(display, time);
            time = time.Next(0.016f);
        }

        Frame();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            Frame();
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(allocator.Created, Has.Count.EqualTo(6), "per camera: scene, upscaled, one ping-pong partner");
    }

    private sealed class SilentScene : ISceneRenderer
    {
        public void Render(Camera camera, IRenderTarget target, FrameTime time)
        {
        }
    }

    private sealed class SilentCopier : IFrameCopier
    {
        public void Blit(IRenderTarget source, IRenderTarget destination, BlitFilter filter)
        {
        }
    }

    private class SilentPass : Component, IPostProcess
    {
        public virtual Size GetOutputSize(Size input, Camera camera) => input;

        public void OnRenderImage(IRenderTarget source, IRenderTarget destination, PostProcessContext context) =>
            context.Timings.Report(0 < context.Timings.Count ? 0 : context.Timings.GetSlot("silent"), 0.1);
    }

    private sealed class SilentUpscaler : SilentPass, IRenderResolutionRequester
    {
        public override Size GetOutputSize(Size input, Camera camera) => camera.OutputSize;

        public bool TryGetRenderResolution(Camera camera, out Size renderResolution)
        {
            renderResolution = new Size(camera.OutputSize.Width / 2, camera.OutputSize.Height / 2);
            return true;
        }
    }
}
