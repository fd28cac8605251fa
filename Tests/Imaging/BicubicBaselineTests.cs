using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

/// <summary>
/// The bicubic row of the published SR tables: MATLAB bicubic upscale of LR_x<c>s</c> scored against
/// HR_x<c>s</c> with the Y-channel protocol. Agreement checks the resize and the metrics together.
/// </summary>
[Category("NeedsPython")]
internal sealed class BicubicBaselineTests
{
    // Published bicubic Set5 figures (PSNR dB / SSIM) as reported throughout the SR literature.
    [TestCase(2, 33.66, 0.9299)]
    [TestCase(3, 30.39, 0.8682)]
    [TestCase(4, 28.42, 0.8104)]
    public void Set5BicubicMatchesPublishedBaseline(int scale, double publishedPsnr, double publishedSsim)
    {
        (double psnr, double ssim) = Evaluate("Set5", scale);

        Assert.That(psnr, Is.EqualTo(publishedPsnr).Within(0.1));
        Assert.That(ssim, Is.EqualTo(publishedSsim).Within(0.002));
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void Set14BicubicIsReported(int scale)
    {
        // Published tables score the greyscale img_003 on raw grey values, not as R=G=B luma, so they are
        // not a target here; the README gives PIL bicubic, which differs from MATLAB only at the borders.
        (double psnr, double ssim) = Evaluate("Set14", scale);

        Assert.That(psnr, Is.GreaterThan(25).And.LessThan(31));
        Assert.That(ssim, Is.GreaterThan(0.65).And.LessThan(0.9));
    }

    private static (double Psnr, double Ssim) Evaluate(string set, int scale)
    {
        double psnrSum = 0, ssimSum = 0;
        IReadOnlyList<string> names = BenchmarkImages.FileNames(set, scale);
        foreach (string name in names)
        {
            Rgb8Image hr = BenchmarkImages.LoadRgb8(BenchmarkImages.PathOf(set, "HR", scale, name));
            Rgb8Image lr = BenchmarkImages.LoadRgb8(BenchmarkImages.PathOf(set, "LR", scale, name));

            Rgb8Image up = MatlabBicubic.Upscale(lr, scale);
            double psnr = QualityMetrics.PsnrY(up, hr, scale);
            double ssim = QualityMetrics.SsimY(up, hr, scale);
            TestContext.Out.WriteLine($"{set} x{scale} {name}: PSNR-Y {psnr:F4} dB, SSIM-Y {ssim:F4}");
            psnrSum += psnr;
            ssimSum += ssim;
        }

        double meanPsnr = psnrSum / names.Count, meanSsim = ssimSum / names.Count;
        TestContext.Out.WriteLine($"{set} x{scale} mean: PSNR-Y {meanPsnr:F4} dB, SSIM-Y {meanSsim:F4}");
        return (meanPsnr, meanSsim);
    }
}
