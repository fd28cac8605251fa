using NeuralPost.Core;
using NeuralPost.Samples.FoggyStreets.App;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Samples.App;

[NonParallelizable]
internal sealed class OverlayTests
{
    private static readonly Size Output = new(160, 90);

    [Test]
    public void OverlayChangesPixelsInItsRegionOnly()
    {
        // Large enough that the text block leaves most of the frame alone.
        var output = new Size(480, 270);
        using var host = new SampleTestHost(GlTestDevice.CreateOrIgnore(), SampleTestHost.Options(output));
        var plain = host.RenderStill();
        host.App.OverlayEnabled = true;
        var withText = host.RenderStill();
        var region = host.App.OverlayRegion;
        TestContext.Out.WriteLine($"overlay region {region}; first line '{host.App.OverlayLine(0)}'");

        var inside = 0;
        var outside = new List<(int X, int Y)>();
        for (var y = 0; y < output.Height; y++)
        {
            for (var x = 0; x < output.Width; x++)
            {
                if (Pixels.MaxDifference(plain, withText, x, y) == 0)
                {
                    continue;
                }

                if (region.Contains(x, y))
                {
                    inside++;
                }
                else
                {
                    outside.Add((x, y));
                }
            }
        }

        Assert.That(outside, Is.Empty, $"pixels outside the overlay region {region} changed");
        Assert.That(inside, Is.GreaterThan(100), "the overlay drew text in its region");
        Assert.That(region.Width * region.Height, Is.LessThan(output.Width * output.Height / 2), "the region is not most of the frame");
    }

    [Test]
    public void OverlayNamesTierSizesAndPasses()
    {
        using var host = new SampleTestHost(GlTestDevice.CreateOrIgnore(), SampleTestHost.Options(Output) with { Overlay = true });
        host.RenderStill();
        var lines = Enumerable.Range(0, 22).Select(host.App.OverlayLine).ToArray();
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.Contain("fps"));
            Assert.That(lines[1], Is.EqualTo("Performance  80x45 -> 160x90"));
            Assert.That(lines, Has.Some.StartsWith("render "), "the scene pass's timing");
            Assert.That(lines, Has.Some.StartsWith("overlay "), "the overlay's own timing, from the previous frame");
        });
    }

    [Test]
    public void DrawingTheOverlayAllocatesNothing()
    {
        using var host = new SampleTestHost(GlTestDevice.CreateOrIgnore(), SampleTestHost.Options(Output) with { Overlay = true });
        host.RenderStill();
        host.App.DrawOverlay();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 5; i++)
        {
            host.App.DrawOverlay();
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
