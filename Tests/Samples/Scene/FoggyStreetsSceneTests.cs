using System.Numerics;
using NeuralPost.Samples.FoggyStreets.Scene;

namespace NeuralPost.Tests.Samples.Scene;

[NonParallelizable]
internal sealed class FoggyStreetsSceneTests
{
    private const int Width = 96;
    private const int Height = 54;
    private const double Time = 23.5;

    [Test]
    public void AFrameShowsSkyAboveAndStreetBelow()
    {
        using var rig = new SceneRig(Width, Height);
        var pixels = rig.Render(Time);

        var colours = new HashSet<int>();
        for (var i = 0; i < pixels.Length; i += 4)
        {
            colours.Add(pixels[i] | pixels[i + 1] << 8 | pixels[i + 2] << 16);
        }

        var top = SceneRig.Mean(pixels, Width, Height, 0, 6);
        var bottom = SceneRig.Mean(pixels, Width, Height, Height - 6, Height);
        Assert.Multiple(() =>
        {
            Assert.That(colours, Has.Count.GreaterThan(300), "distinct colours: buildings, windows, street, sky");
            Assert.That(top.B - bottom.B, Is.GreaterThan(0.1), "blue sky and bright facades on top, grey asphalt below");
            Assert.That(pixels.Where((_, i) => i % 4 == 3), Is.All.EqualTo(255), "opaque everywhere");
        });
    }

    [Test]
    public void TheSameMomentRendersTheSameImage()
    {
        using var rig = new SceneRig(Width, Height);
        var first = rig.Render(Time);
        var other = rig.Render(Time + 5);
        var again = rig.Render(Time);

        Assert.Multiple(() =>
        {
            Assert.That(again, Is.EqualTo(first));
            Assert.That(other, Is.Not.EqualTo(first), "the camera moves, so another time is another image");
        });
    }

    [Test]
    public void FogHazesTheDistanceMoreThanTheForegroundAndPullsTowardsTheFogColour()
    {
        using var rig = new SceneRig(Width, Height);
        var hazy = rig.Render(Time);
        rig.Scene.Options = rig.Scene.Options with { FogEnabled = false };
        var clear = rig.Render(Time);

        // Down the street past the horizon's height: far buildings and sky. The bottom rows are the road at the feet.
        var far = MeanAbsoluteDifference(hazy, clear, Height * 3 / 10, Height / 2, Width * 3 / 10, Width * 7 / 10);
        var near = MeanAbsoluteDifference(hazy, clear, Height - 6, Height, 0, Width);
        var fog = rig.Scene.Options.FogColor;
        var hazyMean = SceneRig.Mean(hazy, Width, Height, 0, Height);
        var clearMean = SceneRig.Mean(clear, Width, Height, 0, Height);
        Assert.Multiple(() =>
        {
            Assert.That(far, Is.GreaterThan(0.05), "far region changes visibly");
            Assert.That(far, Is.GreaterThan(near * 1.5), "fog grows with distance");
            Assert.That(Distance(hazyMean, fog), Is.LessThan(Distance(clearMean, fog) * 0.95), "hazy frame is nearer the fog colour");
        });
    }

    [Test]
    public void ZeroDensityIsTheClearFrame()
    {
        using var rig = new SceneRig(Width, Height, new SceneOptions { FogDensity = 0f });
        var zeroDensity = rig.Render(Time);
        rig.Scene.Options = rig.Scene.Options with { FogEnabled = false, FogDensity = 1f };
        var disabled = rig.Render(Time);

        var worst = 0;
        for (var i = 0; i < zeroDensity.Length; i++)
        {
            worst = Math.Max(worst, Math.Abs(zeroDensity[i] - disabled[i]));
        }

        Assert.That(worst, Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void FogSeedAndCitySeedChangeTheImage()
    {
        using var rig = new SceneRig(Width, Height);
        var original = rig.Render(Time);
        rig.Scene.Options = rig.Scene.Options with { FogSeed = 8 };
        var otherFog = rig.Render(Time);
        rig.Scene.Options = rig.Scene.Options with { FogSeed = 7, Seed = 2 };
        var otherCity = rig.Render(Time);
        rig.Scene.Options = rig.Scene.Options with { Seed = 1 };
        var back = rig.Render(Time);

        Assert.Multiple(() =>
        {
            Assert.That(otherFog, Is.Not.EqualTo(original));
            Assert.That(otherCity, Is.Not.EqualTo(original));
            Assert.That(back, Is.EqualTo(original), "rebuilding seed 1 gives the same city");
        });
    }

    [Test]
    public void PlaceCameraPutsTheEyeOnTheLoopAndTheClearColourAtTheSky()
    {
        using var rig = new SceneRig(8, 8);
        rig.Scene.PlaceCamera(rig.Camera, 12.3);
        var first = rig.Camera.Transform.Position;
        rig.Scene.PlaceCamera(rig.Camera, 12.3 + FoggyStreetsScene.CameraPeriodSeconds);

        Assert.Multiple(() =>
        {
            Assert.That(Vector3.Distance(rig.Camera.Transform.Position, first), Is.LessThan(1e-3f));
            Assert.That(first.Y, Is.InRange(1.7f, 3f));
            Assert.That(rig.Camera.ClearColor.Z, Is.GreaterThan(rig.Camera.ClearColor.X), "a bluish sky");
        });
    }

    [Test]
    public void SteadyStateRenderingAllocatesNothing()
    {
        using var rig = new SceneRig(Width, Height);
        var hazy = rig.Scene.Options;
        var clear = hazy with { FogEnabled = false };
        rig.Draw(0);
        rig.Scene.Options = clear;
        rig.Draw(0);

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var frame = 0; frame < 10; frame++)
        {
            rig.Scene.Options = frame % 2 == 0 ? hazy : clear;
            rig.Draw(frame / 30.0);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        rig.Finish();
        Assert.That(allocated, Is.Zero);
    }

    private static double MeanAbsoluteDifference(byte[] a, byte[] b, int rowFrom, int rowTo, int columnFrom, int columnTo)
    {
        double sum = 0;
        var count = 0;
        for (var row = rowFrom; row < rowTo; row++)
        {
            var glRow = Height - 1 - row;
            for (var x = columnFrom; x < columnTo; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    var i = (glRow * Width + x) * 4 + c;
                    sum += Math.Abs(a[i] - b[i]);
                    count++;
                }
            }
        }

        return sum / count / 255;
    }

    private static double Distance((double R, double G, double B) mean, Vector3 colour) =>
        Math.Sqrt(Math.Pow(mean.R - colour.X, 2) + Math.Pow(mean.G - colour.Y, 2) + Math.Pow(mean.B - colour.Z, 2));
}
