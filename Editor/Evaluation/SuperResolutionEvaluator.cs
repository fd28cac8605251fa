using System.Diagnostics;
using NeuralPost.Effects;
using NeuralPost.Core;
using NeuralPost.Effects.Upscale;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;

namespace NeuralPost.Editor.Evaluation;

/// <summary>PSNR/SSIM of one image, for the model and for MATLAB bicubic.</summary>
internal sealed record ImageScore(string Name, int Width, int Height, double Psnr, double Ssim, double BicubicPsnr,
    double BicubicSsim, double Milliseconds);

/// <summary>Mean scores over a set.</summary>
/// <param name="Images">Images scored, those left out included.</param>
/// <param name="LeftOut">Images whose PSNR is not finite (output or bicubic equal to the reference), outside the means.</param>
internal sealed record SetScore(int Images, double Psnr, double Ssim, double BicubicPsnr, double BicubicSsim, IReadOnlyList<string> LeftOut);

/// <summary>
/// Scores a super-resolution model on a benchmark set with the published protocol: the set's LR images as input
/// (made from its HR images by MATLAB bicubic at a scale it does not ship, see <see cref="BenchmarkPairs"/>),
/// output rounded to uint8, Y channel (BT.601), <c>scale</c> pixels cropped from each border; MATLAB bicubic of the
/// same LR image alongside.
/// </summary>
internal static class SuperResolutionEvaluator
{
    // Whole-image inference, as the published protocol: IMDN's channel attention pools over the whole input, so
    // tiles would change its statistics.
    public const int TileSize = 0;

    public static SetScore Evaluate(ImageNetwork model, string setDirectory, int overlap,
        Action<ImageScore> onImage, string? outputDirectory = null, string outputLabel = "model", EdgePadding? edges = null) =>
        Evaluate(model, BenchmarkPairs.Open(setDirectory, model.Scale), overlap, onImage, outputDirectory, outputLabel, edges);

    /// <summary>Scores <paramref name="model"/> on pairs already opened at its scale.</summary>
    /// <param name="onFrames">Called per pair, in name order, with the model's output, bicubic's and the HR image (the game set's temporal figure).</param>
    public static SetScore Evaluate(ImageNetwork model, BenchmarkPairs pairs, int overlap,
        Action<ImageScore> onImage, string? outputDirectory = null, string outputLabel = "model", EdgePadding? edges = null,
        Action<Rgb8Image, Rgb8Image, Rgb8Image>? onFrames = null)
    {
        var scale = model.Scale;
        if (pairs.Scale != scale)
        {
            throw new ArgumentException($"pairs for x{pairs.Scale} given to an x{scale} model", nameof(pairs));
        }

        if (outputDirectory is not null)
        {
            Directory.CreateDirectory(outputDirectory);
        }

        var upscaler = new TiledUpscaler(model, edges);
        double psnr = 0, ssim = 0, bicubicPsnr = 0, bicubicSsim = 0;
        var leftOut = new List<string>();
        foreach (var name in pairs.Names)
        {
            var (_, low, high) = pairs.Load(name);
            var clock = Stopwatch.StartNew();
            var upscaled = upscaler.Upscale(low, TileSize, overlap);
            clock.Stop();
            var bicubic = MatlabBicubic.Upscale(low, scale);
            var score = new ImageScore(Path.GetFileNameWithoutExtension(name), low.Width, low.Height,
                QualityMetrics.PsnrY(upscaled, high, scale), QualityMetrics.SsimY(upscaled, high, scale),
                QualityMetrics.PsnrY(bicubic, high, scale), QualityMetrics.SsimY(bicubic, high, scale),
                clock.Elapsed.TotalMilliseconds);
            // A flat image reproduced exactly has an infinite PSNR, which would make the mean infinite too; it
            // is left out of every mean (all four, so they stay over the same images) and named.
            if (IsFinite(score))
            {
                psnr += score.Psnr;
                ssim += score.Ssim;
                bicubicPsnr += score.BicubicPsnr;
                bicubicSsim += score.BicubicSsim;
            }
            else
            {
                leftOut.Add(score.Name);
            }

            if (outputDirectory is not null)
            {
                ImageFile.Save(upscaled, Path.Combine(outputDirectory, $"{score.Name}_{outputLabel}.png"));
                ImageFile.Save(bicubic, Path.Combine(outputDirectory, $"{score.Name}_bicubic.png"));
            }

            onFrames?.Invoke(upscaled, bicubic, high);
            onImage(score);
        }

        var n = pairs.Names.Count - leftOut.Count;
        if (n == 0)
        {
            throw new NeuralPostException($"no image of {pairs.HighDirectory} has a finite PSNR (each equals its reference exactly), so there is no mean to report");
        }

        return new SetScore(pairs.Names.Count, psnr / n, ssim / n, bicubicPsnr / n, bicubicSsim / n, leftOut);
    }

    /// <summary>Writes one line per image left out of the means to <paramref name="error"/>, naming it and saying why.</summary>
    public static void WriteLeftOut(SetScore score, TextWriter error, string command)
    {
        foreach (var name in score.LeftOut)
        {
            error.WriteLine($"{command}: {name} left out of the mean: its PSNR is infinite (the image equals its reference exactly, as a flat image can)");
        }
    }

    private static bool IsFinite(ImageScore score) =>
        double.IsFinite(score.Psnr) && double.IsFinite(score.Ssim) && double.IsFinite(score.BicubicPsnr) && double.IsFinite(score.BicubicSsim);

    /// <summary>Resolves a set argument: an existing folder, else a name under the shared benchmark folder.</summary>
    public static string ResolveSet(string set) =>
        Directory.Exists(set) ? set : Path.Combine(Cli.BenchmarkData.FindRoot(), set);

    public static string Header(string label) =>
        $"{"image",-12} {"size",-10} {label + " PSNR/SSIM",28} {"bicubic PSNR/SSIM",20} {"ms",8}";

    public static string Row(ImageScore s) =>
        $"{s.Name,-12} {$"{s.Width}x{s.Height}",-10} {$"{s.Psnr:F2} / {s.Ssim:F4}",28} {$"{s.BicubicPsnr:F2} / {s.BicubicSsim:F4}",20} {s.Milliseconds,8:F1}";

    public static string Mean(SetScore s) =>
        $"{"mean",-12} {"",-10} {$"{s.Psnr:F2} / {s.Ssim:F4}",28} {$"{s.BicubicPsnr:F2} / {s.BicubicSsim:F4}",20}";
}
