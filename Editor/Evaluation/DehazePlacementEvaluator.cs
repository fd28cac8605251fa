using System.Diagnostics;
using NeuralPost.Effects;
using NeuralPost.Effects.Dehaze;
using NeuralPost.Effects.Upscale;
using NeuralPost.Imaging;

namespace NeuralPost.Editor.Evaluation;

/// <summary>
/// One pair through both frame-path orders, scored on RGB against the clear frame: dehaze at render resolution then
/// upscale (<c>Render</c>), upscale then dehaze at output resolution (<c>Output</c>), and the upscaled hazy frame
/// with no dehaze; milliseconds are the dehaze network's alone (the upscale costs the same in both orders).
/// </summary>
internal sealed record PlacementScore(string Name, double RenderPsnr, double RenderSsim, double OutputPsnr,
    double OutputSsim, double NonePsnr, double NoneSsim, double RenderMilliseconds, double OutputMilliseconds);

/// <summary>
/// Answers where the dehaze pass belongs in the frame, render -> upscale -> dehaze -> display or
/// render -> dehaze -> upscale -> display, by quality and cost. The render-resolution frame is the pair's hazy
/// frame downscaled by the upscaler's scale with the MATLAB bicubic (sides cropped to multiples of the scale first),
/// the stand-in for the engine rendering at that size.
/// </summary>
internal static class DehazePlacementEvaluator
{
    private const int TileSize = 512;

    public static PlacementScore[] Evaluate(OfflineDehazer dehazer, ImageNetwork upscaler, int overlap,
        string pairDirectory, Action<PlacementScore> onPair)
    {
        var tiles = new TiledUpscaler(upscaler);
        var scale = upscaler.Scale;
        var scores = new List<PlacementScore>();
        foreach (var pair in PairFolder.List(pairDirectory))
        {
            var (hazyFull, clearFull) = PairFolder.Load(pair);
            var width = hazyFull.Width / scale * scale;
            var height = hazyFull.Height / scale * scale;
            var clear = clearFull.Crop(width, height);
            var lowHazy = MatlabBicubic.Downscale(hazyFull.Crop(width, height), scale);

            var clock = Stopwatch.StartNew();
            var lowClear = dehazer.Process(lowHazy);
            var renderMs = clock.Elapsed.TotalMilliseconds;
            var render = tiles.Upscale(lowClear, TileSize, overlap);

            var upscaledHazy = tiles.Upscale(lowHazy, TileSize, overlap);
            clock.Restart();
            var output = dehazer.Process(upscaledHazy);
            var outputMs = clock.Elapsed.TotalMilliseconds;

            var score = new PlacementScore(pair.Name,
                QualityMetrics.PsnrRgb(render, clear, 0), QualityMetrics.SsimRgb(render, clear, 0),
                QualityMetrics.PsnrRgb(output, clear, 0), QualityMetrics.SsimRgb(output, clear, 0),
                QualityMetrics.PsnrRgb(upscaledHazy, clear, 0), QualityMetrics.SsimRgb(upscaledHazy, clear, 0),
                renderMs, outputMs);
            scores.Add(score);
            onPair(score);
        }

        return [.. scores];
    }

    public static string Header() =>
        $"{"pair",-16} {"dehaze at render res",22} {"dehaze at output res",22} {"no dehaze",16} {"ms render",10} {"ms output",10}";

    public static string Row(PlacementScore s) =>
        $"{s.Name,-16} {Pair(s.RenderPsnr, s.RenderSsim),22} {Pair(s.OutputPsnr, s.OutputSsim),22} {Pair(s.NonePsnr, s.NoneSsim),16} {s.RenderMilliseconds,10:F1} {s.OutputMilliseconds,10:F1}";

    public static string Mean(IReadOnlyList<PlacementScore> scores) =>
        Row(new PlacementScore("mean", scores.Average(s => s.RenderPsnr), scores.Average(s => s.RenderSsim),
            scores.Average(s => s.OutputPsnr), scores.Average(s => s.OutputSsim), scores.Average(s => s.NonePsnr),
            scores.Average(s => s.NoneSsim), Median(scores.Select(s => s.RenderMilliseconds)),
            Median(scores.Select(s => s.OutputMilliseconds))));

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string Pair(double psnr, double ssim) => $"{psnr:F2} / {ssim:F4}";
}
