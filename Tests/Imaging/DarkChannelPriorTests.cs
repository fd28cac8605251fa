using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

internal sealed class DarkChannelPriorTests
{
    private static readonly double[] TrueAirlight = [0.80, 0.83, 0.88];

    /// <summary>Textured clear image: random colours per pixel (so every patch holds dark channel values near 0) plus a smooth gradient.</summary>
    private static Rgb8Image ClearImage(int width, int height)
    {
        var rng = new Random(42);
        var image = new Rgb8Image(width, height);
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int i = 3 * ((y * width) + x);
                int baseLevel = 40 + (120 * x / width);
                image.Data[i] = (byte)Math.Clamp(baseLevel + rng.Next(-40, 120), 0, 255);
                image.Data[i + 1] = (byte)Math.Clamp(baseLevel + rng.Next(-40, 80), 0, 255);
                image.Data[i + 2] = (byte)rng.Next(0, 256);
            }
        }

        return image;
    }

    /// <summary>Smooth transmission: 0.05 at the top (dense haze, where the airlight shows) to 0.9 at the bottom, with a gentle horizontal wave.</summary>
    private static double Transmission(int x, int y, int width, int height) =>
        Math.Clamp(0.05 + (0.85 * y / (height - 1)) + (0.05 * Math.Sin(2 * Math.PI * x / width) * y / height), 0.05, 0.95);

    private static Rgb8Image Hazy(Rgb8Image clear)
    {
        var hazy = new Rgb8Image(clear.Width, clear.Height);
        for (int y = 0; y < clear.Height; y++)
        {
            for (int x = 0; x < clear.Width; x++)
            {
                double t = Transmission(x, y, clear.Width, clear.Height);
                for (int c = 0; c < 3; c++)
                {
                    int i = (3 * ((y * clear.Width) + x)) + c;
                    double v = (clear.Data[i] / 255.0 * t) + (TrueAirlight[c] * (1 - t));
                    hazy.Data[i] = (byte)(Math.Clamp(v, 0, 1) * 255 + 0.5);
                }
            }
        }

        return hazy;
    }

    [Test]
    public void DehazingASyntheticHazyImageRaisesPsnr()
    {
        Rgb8Image clear = ClearImage(160, 120);
        Rgb8Image hazy = Hazy(clear);

        Rgb8Image result = DarkChannelPrior.Dehaze(hazy);

        double before = QualityMetrics.PsnrRgb(hazy, clear, 0);
        double after = QualityMetrics.PsnrRgb(result, clear, 0);
        TestContext.Out.WriteLine($"DCP: hazy {before:F2} dB -> dehazed {after:F2} dB");
        Assert.That(after, Is.GreaterThan(before + 3.0));
    }

    [Test]
    public void EstimatedAirlightIsCloseToTheTrueOne()
    {
        Rgb8Image hazy = Hazy(ClearImage(160, 120));

        DarkChannelAirlight a = DarkChannelPrior.EstimateAirlight(hazy);

        TestContext.Out.WriteLine($"airlight {a.R:F3} {a.G:F3} {a.B:F3}");
        Assert.Multiple(() =>
        {
            Assert.That(a.R, Is.EqualTo(TrueAirlight[0]).Within(0.05));
            Assert.That(a.G, Is.EqualTo(TrueAirlight[1]).Within(0.05));
            Assert.That(a.B, Is.EqualTo(TrueAirlight[2]).Within(0.05));
        });
    }

    [TestCase((byte)0)]
    [TestCase((byte)255)]
    [TestCase((byte)128)]
    public void ConstantInputsGiveFiniteOutput(byte level)
    {
        var image = new Rgb8Image(37, 23, Enumerable.Repeat(level, 37 * 23 * 3).ToArray());

        Rgb8Image result = null!;
        Assert.That(() => result = DarkChannelPrior.Dehaze(image), Throws.Nothing);
        Assert.That((result.Width, result.Height), Is.EqualTo((37, 23)));
        // black stays black and white stays white (I = A there, so J = A)
        if (level is 0 or 255)
        {
            Assert.That(result.Data, Is.All.EqualTo(level));
        }
    }

    [Test]
    public void OnePixelImageWorks()
    {
        var image = new Rgb8Image(1, 1, [10, 200, 30]);

        Assert.That(() => DarkChannelPrior.Dehaze(image), Throws.Nothing);
        Assert.That(DarkChannelPrior.EstimateAirlight(image), Is.EqualTo(new DarkChannelAirlight(10 / 255.0, 200 / 255.0, 30 / 255.0)));
    }

    [Test]
    public void GuidedFilterOfAConstantImageIsConstant()
    {
        const int W = 31;
        const int H = 17;
        var rng = new Random(3);
        float[] texturedGuide = [.. Enumerable.Range(0, W * H).Select(_ => (float)rng.NextDouble())];
        float[] flatGuide = [.. Enumerable.Repeat(0.4f, W * H)];
        float[] constant = [.. Enumerable.Repeat(0.7f, W * H)];

        foreach (float[] guide in new[] { texturedGuide, flatGuide })
        {
            float[] q = GuidedFilter.Apply(guide, constant, W, H, radius: 5, epsilon: 1e-3);
            Assert.That(q, Is.All.EqualTo(0.7f).Within(1e-5f));
        }
    }

    [Test]
    public void GuidedFilterWithItselfAsGuideKeepsStrongEdges()
    {
        const int W = 40;
        const int H = 10;
        float[] step = [.. Enumerable.Range(0, W * H).Select(i => i % W < W / 2 ? 0.1f : 0.9f)];

        float[] q = GuidedFilter.Apply(step, step, W, H, radius: 4, epsilon: 1e-4);

        Assert.That(q[(5 * W) + (W / 2) - 1], Is.EqualTo(0.1f).Within(0.01f));
        Assert.That(q[(5 * W) + (W / 2)], Is.EqualTo(0.9f).Within(0.01f));
    }

    [Test]
    public void DarkChannelOfASmallImageMatchesHandComputation()
    {
        // 4 x 3 image; per-pixel channel minima:
        //   row 0:  50  60  70  80
        //   row 1:  90  20 100 110
        //   row 2: 120 130 140   5
        byte[] minima = [50, 60, 70, 80, 90, 20, 100, 110, 120, 130, 140, 5];
        var image = new Rgb8Image(4, 3);
        for (int i = 0; i < minima.Length; i++)
        {
            // the minimum sits in a different channel each time; the others are brighter
            image.Data[3 * i] = (byte)(minima[i] + 30);
            image.Data[(3 * i) + 1] = (byte)(minima[i] + 10);
            image.Data[(3 * i) + 2] = (byte)(minima[i] + 60);
            image.Data[(3 * i) + (i % 3)] = minima[i];
        }

        byte[] dark = DarkChannelPrior.DarkChannel(image, patchSize: 3);

        // 3 x 3 windows clipped at the border, e.g. (0,0): min(50, 60, 90, 20) = 20; (3,0): min(70, 80, 100, 110) = 70;
        // (1,1): the whole image but column 3 = 20; (2,1): 5; (0,2): min(90, 20, 120, 130) = 20.
        byte[] expected = [20, 20, 20, 70, 20, 20, 5, 5, 20, 20, 5, 5];
        Assert.That(dark, Is.EqualTo(expected));
        Assert.That(DarkChannelPrior.DarkChannel(image, patchSize: 1), Is.EqualTo(minima));
    }

    [Test]
    public void OptionsRejectInvalidValues()
    {
        var o = new DarkChannelPriorOptions();
        Assert.Multiple(() =>
        {
            Assert.That(() => o.PatchSize = 4, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => o.Omega = 1.5, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => o.MinTransmission = 0, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => o.AirlightFraction = double.NaN, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => o.GuidedFilterEpsilon = 0, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(o.EffectiveGuidedFilterRadius(1920, 1080), Is.EqualTo(60));
            Assert.That(o.EffectiveGuidedFilterRadius(640, 480), Is.EqualTo(40));
            Assert.That(o.EffectiveGuidedFilterRadius(20, 20), Is.EqualTo(4));
        });
    }
}
