using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

internal sealed class QualityMetricsTests
{
    [Test]
    public void IdenticalImagesScoreInfinitePsnrAndUnitSsim()
    {
        Rgb8Image image = MatlabBicubicTests.RandomImage(40, 30, seed: 1);
        var copy = new Rgb8Image(40, 30, (byte[])image.Data.Clone());

        Assert.That(QualityMetrics.PsnrY(image, copy, 2), Is.EqualTo(double.PositiveInfinity));
        Assert.That(QualityMetrics.PsnrRgb(image, copy, 0), Is.EqualTo(double.PositiveInfinity));
        Assert.That(QualityMetrics.SsimY(image, copy, 2), Is.EqualTo(1.0).Within(1e-12));
        Assert.That(QualityMetrics.SsimRgb(image, copy, 0), Is.EqualTo(1.0).Within(1e-12));
    }

    [Test]
    public void OffsetOfOneInEveryChannelGivesTheExactPsnr()
    {
        Rgb8Image image = MatlabBicubicTests.RandomImage(32, 24, seed: 2);
        for (int i = 0; i < image.Data.Length; i++)
        {
            image.Data[i] = (byte)(image.Data[i] % 255);
        }

        var brighter = new Rgb8Image(32, 24, [.. image.Data.Select(v => (byte)(v + 1))]);

        // One level in each of R, G, B moves luma by (65.481 + 128.553 + 24.966)/255 = 219/255 everywhere.
        double yStep = 219.0 / 255.0;
        Assert.That(QualityMetrics.PsnrY(brighter, image, 3), Is.EqualTo(10 * Math.Log10(255.0 * 255.0 / (yStep * yStep))).Within(1e-9));
        Assert.That(QualityMetrics.PsnrRgb(brighter, image, 3), Is.EqualTo(20 * Math.Log10(255.0)).Within(1e-9));
    }

    [Test]
    public void KnownMseInRgbGivesTheExactPsnr()
    {
        var a = new Rgb8Image(4, 4);
        var b = new Rgb8Image(4, 4);
        b.Data[0] = 12; // one sample off by 12 among 48: MSE = 144/48 = 3

        Assert.That(QualityMetrics.PsnrRgb(b, a, 0), Is.EqualTo(10 * Math.Log10(255.0 * 255.0 / 3.0)).Within(1e-9));
    }

    [Test]
    public void BorderCropIgnoresDifferencesNearTheEdges()
    {
        Rgb8Image image = MatlabBicubicTests.RandomImage(30, 30, seed: 3);
        var edited = new Rgb8Image(30, 30, (byte[])image.Data.Clone());
        edited.Data[((1 * 30) + 28) * 3] ^= 0xFF; // pixel (28, 1): inside a 2-pixel border

        Assert.That(QualityMetrics.PsnrY(edited, image, 2), Is.EqualTo(double.PositiveInfinity));
        Assert.That(QualityMetrics.SsimY(edited, image, 2), Is.EqualTo(1.0).Within(1e-12));
        Assert.That(QualityMetrics.PsnrY(edited, image, 1), Is.LessThan(60));
        Assert.That(QualityMetrics.SsimY(edited, image, 1), Is.LessThan(1.0));
    }

    [Test]
    public void SsimOfTwoFlatImagesDependsOnlyOnTheirMeans()
    {
        var dark = new Rgb8Image(16, 16, [.. Enumerable.Repeat((byte)40, 16 * 16 * 3)]);
        var light = new Rgb8Image(16, 16, [.. Enumerable.Repeat((byte)90, 16 * 16 * 3)]);

        double y1 = 16 + (219.0 * 40 / 255), y2 = 16 + (219.0 * 90 / 255), c1 = 2.55 * 2.55;
        Assert.That(QualityMetrics.SsimY(dark, light, 0), Is.EqualTo(((2 * y1 * y2) + c1) / ((y1 * y1) + (y2 * y2) + c1)).Within(1e-9));
        Assert.That(QualityMetrics.SsimRgb(dark, light, 0), Is.EqualTo(((2 * 40.0 * 90) + c1) / ((40.0 * 40) + (90.0 * 90) + c1)).Within(1e-9));
    }

    [Test]
    public void SsimMatchesADirectWindowedComputation()
    {
        Rgb8Image a = MatlabBicubicTests.RandomImage(23, 19, seed: 4);
        Rgb8Image b = MatlabBicubicTests.RandomImage(23, 19, seed: 5);
        for (int i = 0; i < a.Data.Length; i++)
        {
            b.Data[i] = (byte)((a.Data[i] + (b.Data[i] / 4)) / 1.25); // correlated, so SSIM is far from 0
        }

        Assert.That(QualityMetrics.SsimRgb(a, b, 1), Is.EqualTo(DirectSsimRgb(a, b, 1)).Within(1e-9));
    }

    [Test]
    public void MismatchedOrTooSmallImagesAreRejected()
    {
        var a = new Rgb8Image(20, 20);
        var b = new Rgb8Image(20, 21);

        Assert.That(() => QualityMetrics.PsnrY(a, b, 0), Throws.ArgumentException.With.Message.Contains("20x21"));
        Assert.That(() => QualityMetrics.SsimY(a, b, 0), Throws.ArgumentException);
        Assert.That(() => QualityMetrics.PsnrRgb(a, b, 0), Throws.ArgumentException);
        Assert.That(() => QualityMetrics.SsimRgb(a, b, 0), Throws.ArgumentException);
        Assert.That(() => QualityMetrics.SsimY(a, a, 5), Throws.ArgumentException); // 10x10 left, window is 11
        Assert.That(() => QualityMetrics.PsnrY(a, a, 10), Throws.ArgumentException);
    }

    // Straight from the definition: for every valid 11x11 window position, Gaussian-weighted means,
    // variances and covariance, then the SSIM formula; channels averaged.
    private static double DirectSsimRgb(Rgb8Image a, Rgb8Image b, int crop)
    {
        var g = new double[11, 11];
        double total = 0;
        for (int i = 0; i < 11; i++)
        {
            for (int j = 0; j < 11; j++)
            {
                g[i, j] = Math.Exp(-(((i - 5) * (i - 5)) + ((j - 5) * (j - 5))) / (2 * 1.5 * 1.5));
                total += g[i, j];
            }
        }

        double c1 = Math.Pow(0.01 * 255, 2), c2 = Math.Pow(0.03 * 255, 2), sum = 0;
        int count = 0;
        for (int c = 0; c < 3; c++)
        {
            for (int y0 = crop; y0 + 11 <= a.Height - crop; y0++)
            {
                for (int x0 = crop; x0 + 11 <= a.Width - crop; x0++)
                {
                    double ma = 0, mb = 0, saa = 0, sbb = 0, sab = 0;
                    for (int i = 0; i < 11; i++)
                    {
                        for (int j = 0; j < 11; j++)
                        {
                            int p = ((((y0 + i) * a.Width) + x0 + j) * 3) + c;
                            double w = g[i, j] / total, va = a.Data[p], vb = b.Data[p];
                            ma += w * va;
                            mb += w * vb;
                            saa += w * va * va;
                            sbb += w * vb * vb;
                            sab += w * va * vb;
                        }
                    }

                    double num = ((2 * ma * mb) + c1) * ((2 * (sab - (ma * mb))) + c2);
                    double den = ((ma * ma) + (mb * mb) + c1) * ((saa - (ma * ma)) + (sbb - (mb * mb)) + c2);
                    sum += num / den;
                    count++;
                }
            }
        }

        return sum / count;
    }
}
