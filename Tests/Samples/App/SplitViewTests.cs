using NeuralPost.Core;
using NeuralPost.Samples.FoggyStreets.App;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Samples.App;

[NonParallelizable]
internal sealed class SplitViewTests
{
    private static readonly Size Output = new(96, 54);

    [Test]
    public void LeftHalfIsTheBilinearUpscaleAndRightHalfTheNeuralResult()
    {
        using var host = new SampleTestHost(GlTestDevice.CreateOrIgnore(), SampleTestHost.Options(Output));
        var neural = host.RenderStill();
        host.App.SplitView = true;
        var split = host.RenderStill();
        var bilinear = host.BilinearReference();
        Assert.That(host.App.RenderResolution, Is.EqualTo(new Size(48, 27)));
        // The stand-in-independent premise: on this pattern the two sides differ somewhere, or the test proves nothing.
        TestContext.Out.WriteLine($"neural vs bilinear differ: {CountDifferent(neural, bilinear)} pixels");

        var middle = Output.Width / 2;
        foreach (var y in new[] { 5, 27, 50 })
        {
            for (var x = 0; x < Output.Width; x++)
            {
                if (x < middle - 1)
                {
                    Assert.That(Pixels.MaxDifference(split, bilinear, x, y), Is.LessThanOrEqualTo(1), $"left half at ({x},{y}) is the bilinear frame");
                }
                else if (x > middle)
                {
                    Assert.That(Pixels.MaxDifference(split, neural, x, y), Is.LessThanOrEqualTo(1), $"right half at ({x},{y}) is the neural frame");
                }
                else
                {
                    Assert.That(Pixels.At(split, x, y), Is.EqualTo((255, 217, 51)), $"divider at ({x},{y})");
                }
            }
        }
    }

    [Test]
    public void WithDehazeTheLeftHalfIsTheHazyUpscaledFrame()
    {
        using var host = new SampleTestHost(GlTestDevice.CreateOrIgnore(), SampleTestHost.Options(Output));
        var hazy = host.RenderStill();
        host.App.DehazeEnabled = true;
        var dehazed = host.RenderStill();
        host.App.SplitView = true;
        var split = host.RenderStill();

        const int y = 20;
        Assert.Multiple(() =>
        {
            Assert.That(Pixels.MaxDifference(split, hazy, 10, y), Is.LessThanOrEqualTo(1), "left: hazy");
            Assert.That(Pixels.MaxDifference(split, hazy, 40, y), Is.LessThanOrEqualTo(1), "left: hazy");
            Assert.That(Pixels.MaxDifference(split, dehazed, 60, y), Is.LessThanOrEqualTo(1), "right: dehazed");
            Assert.That(Pixels.MaxDifference(split, dehazed, 90, y), Is.LessThanOrEqualTo(1), "right: dehazed");
            Assert.That(Pixels.At(split, 48, y), Is.EqualTo((255, 217, 51)), "divider");
        });
    }

    [Test]
    public void SplitOffAddsNoPasses()
    {
        using var host = new SampleTestHost(GlTestDevice.CreateOrIgnore(), SampleTestHost.Options(Output));
        host.RenderStill();
        Assert.That(host.App.Camera.GameObject.GetComponents<SplitViewCapture>().Count(c => c.IsActiveAndEnabled), Is.Zero);
        host.App.SplitView = true;
        host.RenderStill();
        Assert.That(host.App.Camera.GameObject.GetComponents<SplitViewCapture>().Count(c => c.IsActiveAndEnabled), Is.EqualTo(1));
    }

    private static int CountDifferent(NeuralPost.Imaging.Rgb8Image a, NeuralPost.Imaging.Rgb8Image b)
    {
        var count = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                count += Pixels.MaxDifference(a, b, x, y) > 1 ? 1 : 0;
            }
        }

        return count;
    }
}
