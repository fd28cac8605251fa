using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Tests.Hosting;

internal sealed class PassTimingsTests
{
    [Test]
    public void ReportsAddUpWithinAFrameAndResetBetweenFrames()
    {
        var timings = new PassTimings(capacity: 1);
        timings.Report("upscale", 1.5, 2.0);
        timings.Report("upscale", 0.5, 1.0);
        timings.Report("dehaze", 3.0);

        Assert.That(timings.TryGet("upscale", out var upscale));
        Assert.That(timings.TryGet("dehaze", out var dehaze));
        Assert.Multiple(() =>
        {
            Assert.That(upscale, Is.EqualTo(new PassTiming("upscale", 2.0, 3.0, true)));
            Assert.That(dehaze.GpuMilliseconds, Is.NaN);
            Assert.That(timings.Count, Is.EqualTo(2));
        });

        timings.BeginFrame();
        Assert.That(timings[0], Is.EqualTo(new PassTiming("upscale", 0, double.NaN, false)));
    }

    [Test]
    public void SteadyStateReportingAllocatesNothing()
    {
        var timings = new PassTimings();
        string[] names = ["scene", "upscale", "dehaze"];
        void OneFrame()
        {
            timings.BeginFrame();
            foreach (var name in names)
            {
                timings.Report(name, 1.0, 0.5);
            }
        }

        OneFrame();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            OneFrame();
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void PassesReachTheWorldsTimingsThroughTheirContext()
    {
        using var host = new TestHost();
        var (gameObject, _) = host.AddCamera();
        gameObject.AddComponent<TimedPass>();

        host.Frames(3);
        Assert.That(host.World.Timings.TryGet("timed", out var timing));
        Assert.That(timing, Is.EqualTo(new PassTiming("timed", 1.25, double.NaN, true)), "reset each frame, not summed across frames");
    }

    private sealed class TimedPass : TagPass, IPostProcess
    {
        void IPostProcess.OnRenderImage(IRenderTarget source, IRenderTarget destination, PostProcessContext context)
        {
            context.Timings.Report("timed", 1.25);
            context.Copier.Blit(source, destination, BlitFilter.Nearest);
        }
    }
}
