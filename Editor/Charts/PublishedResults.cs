namespace NeuralPost.Editor.Charts;

/// <summary>A published Set5 result, drawn beside ours for reference.</summary>
internal sealed record PublishedPoint(string Label, int Scale, double GigaMacsPerOutputMegapixel, double Set5Psnr);

/// <summary>
/// Literature figures (Set5, Y channel) from the papers, as listed in the project brief. IMDN's multiply-adds are
/// the paper's 1280x720 figures divided by 0.9216 megapixels; LapSRN's paper gives none, so its points use the
/// count of our implementation of the same structure (d = 10 convs per level). DRCN, DRRN and RED-Net run every layer
/// at the output resolution on Y (bicubic-upsampled input); their papers give no multiply-adds, so their points use the
/// count of our implementation of the published structure (Models/Training/macs.py: DRCN 256 ch x 16 recursions
/// 19,503.4 G, DRRN B1U25 7,375.1 G, RED30 1,033.3 G per output megapixel, the same at every scale).
/// </summary>
internal static class PublishedResults
{
    public static readonly IReadOnlyList<PublishedPoint> Set5 =
    [
        new("IMDN x2 (paper)", 2, 158.8 / 0.9216, 38.00),
        new("IMDN x3 (paper)", 3, 71.5 / 0.9216, 34.36),
        new("IMDN x4 (paper)", 4, 40.9 / 0.9216, 32.21),
        new("LapSRN x2 (paper)", 2, 110.74, 37.52),
        new("LapSRN x4 (paper)", 4, 137.99, 31.54),
        new("LapSRN x8 (paper)", 8, 144.81, 26.14),
        new("DRCN x2 (paper)", 2, 19503.36, 37.63),
        new("DRCN x3 (paper)", 3, 19503.36, 33.82),
        new("DRCN x4 (paper)", 4, 19503.36, 31.53),
        new("DRRN B1U25 x2 (paper)", 2, 7375.10, 37.74),
        new("DRRN B1U25 x3 (paper)", 3, 7375.10, 34.03),
        new("DRRN B1U25 x4 (paper)", 4, 7375.10, 31.68),
        new("RED30 x2 (paper)", 2, 1033.34, 37.66),
        new("RED30 x3 (paper)", 3, 1033.34, 33.82),
        new("RED30 x4 (paper)", 4, 1033.34, 31.51),
    ];
}
