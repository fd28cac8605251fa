using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

/// <summary>
/// The benchmark LR files were made by MATLAB's bicubic imresize, so a faithful port must reproduce every
/// byte of them. Evaluation data: checked for exactness only, never used to tune anything.
/// </summary>
[Category("NeedsPython")]
internal sealed class MatlabBicubicBenchmarkTests
{
    [TestCase("Set5", 2)]
    [TestCase("Set5", 3)]
    [TestCase("Set5", 4)]
    [TestCase("Set14", 2)]
    [TestCase("Set14", 3)]
    [TestCase("Set14", 4)]
    public void DownscaleReproducesLowResolutionFilesExactly(string set, int scale)
    {
        long totalDiffering = 0;
        foreach (string name in BenchmarkImages.FileNames(set, scale))
        {
            Rgb8Image hr = BenchmarkImages.LoadRgb8(BenchmarkImages.PathOf(set, "HR", scale, name));
            Rgb8Image lr = BenchmarkImages.LoadRgb8(BenchmarkImages.PathOf(set, "LR", scale, name));

            Rgb8Image ours = MatlabBicubic.Downscale(hr, scale);

            Assert.That((ours.Width, ours.Height), Is.EqualTo((lr.Width, lr.Height)), name);
            int differing = 0, maxDelta = 0;
            for (int i = 0; i < lr.Data.Length; i++)
            {
                int delta = Math.Abs(ours.Data[i] - lr.Data[i]);
                if (delta != 0)
                {
                    differing++;
                    maxDelta = Math.Max(maxDelta, delta);
                }
            }

            if (differing != 0)
            {
                TestContext.Out.WriteLine($"{set} x{scale} {name}: {differing} differing bytes, max |delta| {maxDelta}");
            }

            totalDiffering += differing;
        }

        Assert.That(totalDiffering, Is.Zero);
    }
}
