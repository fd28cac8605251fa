using System.Diagnostics;
using NeuralPost.Core;
using NeuralPost.Effects.Dehaze;
using NeuralPost.Imaging;

namespace NeuralPost.Editor.Evaluation;

/// <summary>PSNR/SSIM (RGB) of one hazy/clear pair: the network, the hazy input and the dark-channel prior.</summary>
internal sealed record DehazeScore(string Name, double Psnr, double Ssim, double HazyPsnr, double HazySsim,
    double DcpPsnr, double DcpSsim, double? ComparePsnr, double? CompareSsim, double Milliseconds);

/// <summary>Means over a pair folder.</summary>
internal sealed record DehazeSetScore(int Pairs, double Psnr, double Ssim, double HazyPsnr, double HazySsim,
    double DcpPsnr, double DcpSsim, double? ComparePsnr, double? CompareSsim);

/// <summary>
/// Scores a dehaze network on a folder of aligned pairs (<c>hazy/</c>, <c>clear/</c>, same file names) on RGB
/// against the clear frame, beside the hazy input, the dark-channel-prior baseline and optionally a second network
/// (e.g. the ablation without the detail branch).
/// </summary>
internal static class DehazeEvaluator
{
    public static DehazeSetScore Evaluate(OfflineDehazer dehazer, OfflineDehazer? compare, string pairDirectory,
        Action<DehazeScore> onPair)
    {
        var pairs = PairFolder.List(pairDirectory);
        var scores = new List<DehazeScore>(pairs.Count);
        foreach (var pair in pairs)
        {
            var (hazy, clear) = PairFolder.Load(pair);
            var clock = Stopwatch.StartNew();
            var result = dehazer.Process(hazy);
            clock.Stop();
            var dcp = DarkChannelPrior.Dehaze(hazy);
            var other = compare?.Process(hazy);
            var score = new DehazeScore(pair.Name,
                QualityMetrics.PsnrRgb(result, clear, 0), QualityMetrics.SsimRgb(result, clear, 0),
                QualityMetrics.PsnrRgb(hazy, clear, 0), QualityMetrics.SsimRgb(hazy, clear, 0),
                QualityMetrics.PsnrRgb(dcp, clear, 0), QualityMetrics.SsimRgb(dcp, clear, 0),
                other is null ? null : QualityMetrics.PsnrRgb(other, clear, 0),
                other is null ? null : QualityMetrics.SsimRgb(other, clear, 0),
                clock.Elapsed.TotalMilliseconds);
            scores.Add(score);
            onPair(score);
        }

        return new DehazeSetScore(scores.Count, scores.Average(s => s.Psnr), scores.Average(s => s.Ssim),
            scores.Average(s => s.HazyPsnr), scores.Average(s => s.HazySsim), scores.Average(s => s.DcpPsnr),
            scores.Average(s => s.DcpSsim),
            compare is null ? null : scores.Average(s => s.ComparePsnr!.Value),
            compare is null ? null : scores.Average(s => s.CompareSsim!.Value));
    }

    public static string Header(string label, string? compareLabel) =>
        $"{"pair",-16} {label + " PSNR/SSIM",26} {"hazy",16} {"dark channel prior",20}" + (compareLabel is null ? "" : $" {compareLabel,24}");

    public static string Row(DehazeScore s) =>
        $"{s.Name,-16} {Pair(s.Psnr, s.Ssim),26} {Pair(s.HazyPsnr, s.HazySsim),16} {Pair(s.DcpPsnr, s.DcpSsim),20}"
        + (s.ComparePsnr is { } p ? $" {Pair(p, s.CompareSsim!.Value),24}" : "");

    public static string Mean(DehazeSetScore s) =>
        $"{"mean",-16} {Pair(s.Psnr, s.Ssim),26} {Pair(s.HazyPsnr, s.HazySsim),16} {Pair(s.DcpPsnr, s.DcpSsim),20}"
        + (s.ComparePsnr is { } p ? $" {Pair(p, s.CompareSsim!.Value),24}" : "");

    private static string Pair(double psnr, double ssim) => $"{psnr:F2} / {ssim:F4}";
}
