namespace NeuralPost.Editor.Charts;

/// <summary>A published Set5 result, drawn beside ours for reference.</summary>
internal sealed record PublishedPoint(string Label, int Scale, double GigaMacsPerOutputMegapixel, double Set5Psnr);

/// <summary>
/// Literature figures (Set5, Y channel) from the papers, as listed in the project brief. IMDN's multiply-adds are
/// the paper's 1280x720 figures divided by 0.9216 megapixels; LapSRN's paper gives none, so its points use the
/// count of our implementation of the same structure (d = 10 convs per level).
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
    ];
}
