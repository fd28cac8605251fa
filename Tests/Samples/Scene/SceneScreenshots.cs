using System.Diagnostics;
using NeuralPost.ImageFiles;
using NeuralPost.Samples.FoggyStreets.Scene;

namespace NeuralPost.Tests.Samples.Scene;

/// <summary>
/// Manual checks, run by name: writes hazy and clear frames to the temp folder to look at, and times a frame.
/// </summary>
[Explicit("writes PNGs for a person to look at and prints timings; not a pass/fail check")]
[NonParallelizable]
internal sealed class SceneScreenshots
{
    [TestCase(0.0, 0.35f)]
    [TestCase(11.0, 0.35f)]
    [TestCase(23.5, 0.35f)]
    [TestCase(31.0, 0.5f)]
    [TestCase(6.0, 0.75f)]
    public void SaveHazyAndClearFrames(double seconds, float timeOfDay)
    {
        using var rig = new SceneRig(640, 360);
        foreach (var fog in new[] { true, false })
        {
            rig.Scene.Options = rig.Scene.Options with { FogEnabled = fog, TimeOfDay = timeOfDay };
            var pixels = rig.Render(seconds);
            var name = $"foggy-streets-{seconds:0.0}s-day{timeOfDay:0.00}-{(fog ? "hazy" : "clear")}.png";
            var path = Path.Combine(Path.GetTempPath(), name);
            ImageFile.Save(SceneRig.ToImage(pixels, rig.Width, rig.Height), path);
            TestContext.Out.WriteLine(path);
        }
    }

    [Test]
    public void TimeA480x270Frame()
    {
        using var rig = new SceneRig(480, 270);
        foreach (var fog in new[] { true, false })
        {
            rig.Scene.Options = new SceneOptions { FogEnabled = fog };
            rig.Render(0);
            const int frames = 10;
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < frames; i++)
            {
                rig.Draw(i * 0.1);
                rig.Finish();
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            // CPU time shows the work even when other processes crowd the cores and stretch the wall clock.
            TestContext.Out.WriteLine(
                $"fog {fog}: {clock.Elapsed.TotalMilliseconds / frames:0.0} ms wall, {cpu.TotalMilliseconds / frames:0.0} ms CPU per 480x270 frame");
        }
    }
}
