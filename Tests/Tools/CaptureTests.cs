using NeuralPost.Core;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;
using NeuralPost.Cli.Capture;
using NeuralPost.Samples.FoggyStreets.App;
using NeuralPost.Tests.Graphics;
using NeuralPost.Tests.Samples.App;

namespace NeuralPost.Tests.Tools;

[NonParallelizable]
internal sealed class CaptureTests
{
    [Test]
    public void SuperResolutionPairsAreAlignedBicubicDownscales()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        var dir = TestPaths.NewTempDirectory();
        var (hr, lr) = CaptureRunner.Run(device, new CaptureOptions(CapturePairs.SuperResolution, 2, dir, new Size(32, 18), 2), TestContext.Out.WriteLine);
        Assert.That(lr, Is.EqualTo(Path.Combine(dir, "LR_x2")));
        Assert.That(Names(hr), Is.EqualTo(Names(lr)).And.Length.EqualTo(2));
        foreach (var name in Names(hr))
        {
            var high = ImageFile.Load(Path.Combine(hr, name));
            var low = ImageFile.Load(Path.Combine(lr, name));
            Assert.Multiple(() =>
            {
                Assert.That((high.Width, high.Height), Is.EqualTo((32, 18)));
                Assert.That((low.Width, low.Height), Is.EqualTo((16, 9)), "LR = HR / scale");
                Assert.That(low.Data, Is.EqualTo(MatlabBicubic.Downscale(high, 2).Data), "LR is the MATLAB bicubic downscale of its HR");
                Assert.That(Pixels.Variance(high), Is.GreaterThan(0));
            });
        }

        Assert.That(ImageFile.Load(Path.Combine(hr, Names(hr)[0])).Data,
            Is.Not.EqualTo(ImageFile.Load(Path.Combine(hr, Names(hr)[1])).Data), "captures vary");
    }

    [Test]
    public void DehazePairsShowTheSameViewWithAndWithoutFog()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        var dir = TestPaths.NewTempDirectory();
        var (hazy, clear) = CaptureRunner.Run(device, new CaptureOptions(CapturePairs.Dehaze, 1, dir, new Size(24, 16)), TestContext.Out.WriteLine);
        Assert.That(Names(hazy), Is.EqualTo(Names(clear)).And.Length.EqualTo(1));
        var foggy = ImageFile.Load(Path.Combine(hazy, Names(hazy)[0]));
        var plain = ImageFile.Load(Path.Combine(clear, Names(clear)[0]));
        Assert.Multiple(() =>
        {
            Assert.That((foggy.Width, foggy.Height), Is.EqualTo((24, 16)));
            Assert.That((plain.Width, plain.Height), Is.EqualTo((24, 16)));
            Assert.That(foggy.Data, Is.Not.EqualTo(plain.Data), "fog changes the picture");
        });
    }

    [Test]
    public void SizesThatDoNotDivideByTheScaleAreRejected()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        Assert.That(() => CaptureRunner.Run(device, new CaptureOptions(CapturePairs.SuperResolution, 1, TestPaths.NewTempDirectory(), new Size(33, 18), 2), _ => { }),
            Throws.ArgumentException.With.Message.Contains("divide"));
    }

    [Test]
    public void VariationsAreDeterministicAndDistinct()
    {
        var first = CaptureVariation.For(3);
        var again = CaptureVariation.For(3);
        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(CaptureVariation.For(3), Is.Not.EqualTo(CaptureVariation.For(4)));
            Assert.That(CaptureVariation.For(3, fogEnabled: false).Options.FogEnabled, Is.False);
        });
    }

    [Test]
    public void PathSequenceHoldsLightAndFogAndStepsTheCamera()
    {
        var (start, time) = CaptureVariation.For(2, citySeed: 5);
        var (options, later) = CaptureVariation.AlongPath(2, 3, 0.5, citySeed: 5);
        Assert.Multiple(() =>
        {
            Assert.That(options, Is.EqualTo(start), "light and fog of the first variation");
            Assert.That(later, Is.EqualTo(time + 1.5).Within(1e-9));
        });
    }

    private static string[] Names(string directory) =>
        Directory.GetFiles(directory, "*.png").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;
}
