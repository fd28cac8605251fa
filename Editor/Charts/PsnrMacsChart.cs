using System.Globalization;
using System.Text;
using NeuralPost.Core;

namespace NeuralPost.Editor.Charts;

/// <summary>
/// Draws Set5 PSNR against multiply-adds per output megapixel (log scale) as SVG: our models from their cards,
/// bicubic as a dashed line per scale (from the same cards), and the published points as hollow squares.
/// </summary>
internal static class PsnrMacsChart
{
    private const double Width = 760, Height = 480, Left = 70, Right = 190, Top = 40, Bottom = 60;
    private const double MinLogMacs = 0, MaxLogMacs = 3; // 1 .. 1000 G per megapixel

    private static readonly Dictionary<int, string> ScaleColours = new() { [2] = "#1f77b4", [3] = "#2ca02c", [4] = "#ff7f0e", [8] = "#d62728" };

    public static string Render(ModelManifest manifest, string set)
    {
        var ours = manifest.Models
            .Where(c => c.Kind == "super-resolution" && c.GigaMacsPerOutputMegapixel is > 0 && c.Metrics?.ContainsKey(set) == true)
            .Select(c => (Card: c, Quality: c.Metrics![set]))
            .ToList();
        var published = set == "Set5" ? PublishedResults.Set5 : [];
        var bicubic = ours.Where(p => p.Quality.BicubicPsnr is not null)
            .GroupBy(p => p.Card.Scale).ToDictionary(g => g.Key, g => g.First().Quality.BicubicPsnr!.Value);

        var psnrs = ours.Select(p => p.Quality.Psnr).Concat(published.Select(p => p.Set5Psnr)).Concat(bicubic.Values).ToList();
        var minPsnr = psnrs.Count == 0 ? 20 : Math.Floor(psnrs.Min() - 1);
        var maxPsnr = psnrs.Count == 0 ? 40 : Math.Ceiling(psnrs.Max() + 1);

        double X(double macs) => Left + (Math.Log10(Math.Max(macs, 1)) - MinLogMacs) / (MaxLogMacs - MinLogMacs) * (Width - Left - Right);
        double Y(double psnr) => Height - Bottom - (psnr - minPsnr) / (maxPsnr - minPsnr) * (Height - Top - Bottom);

        var svg = new StringBuilder();
        Append(svg, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">");
        Append(svg, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>");
        Append(svg, $"<text x=\"{Left}\" y=\"24\" font-size=\"15\">{set} PSNR (Y) vs multiply-adds per output megapixel</text>");
        for (var decade = 0; decade <= 3; decade++)
        {
            var x = X(Math.Pow(10, decade));
            Append(svg, $"<line x1=\"{x:F1}\" y1=\"{Top}\" x2=\"{x:F1}\" y2=\"{Height - Bottom}\" stroke=\"#ddd\"/>");
            Append(svg, $"<text x=\"{x:F1}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\">{Math.Pow(10, decade)} G</text>");
        }

        for (var p = minPsnr; p <= maxPsnr; p += 1)
        {
            Append(svg, $"<line x1=\"{Left}\" y1=\"{Y(p):F1}\" x2=\"{Width - Right}\" y2=\"{Y(p):F1}\" stroke=\"#eee\"/>");
            Append(svg, $"<text x=\"{Left - 6}\" y=\"{Y(p) + 4:F1}\" text-anchor=\"end\">{p}</text>");
        }

        Append(svg, $"<text x=\"{(Left + Width - Right) / 2:F1}\" y=\"{Height - 20}\" text-anchor=\"middle\">G multiply-adds per output megapixel (log)</text>");
        Append(svg, $"<text x=\"18\" y=\"{(Top + Height - Bottom) / 2:F1}\" transform=\"rotate(-90 18 {(Top + Height - Bottom) / 2:F1})\" text-anchor=\"middle\">PSNR dB</text>");
        foreach (var (scale, psnr) in bicubic)
        {
            Append(svg, $"<line x1=\"{Left}\" y1=\"{Y(psnr):F1}\" x2=\"{Width - Right}\" y2=\"{Y(psnr):F1}\" stroke=\"{Colour(scale)}\" stroke-dasharray=\"6 4\"/>");
            Append(svg, $"<text x=\"{Width - Right + 4}\" y=\"{Y(psnr) + 4:F1}\" fill=\"{Colour(scale)}\">bicubic x{scale} {psnr:F2}</text>");
        }

        foreach (var point in published)
        {
            var (x, y) = (X(point.GigaMacsPerOutputMegapixel), Y(point.Set5Psnr));
            Append(svg, $"<rect class=\"published\" x=\"{x - 5:F1}\" y=\"{y - 5:F1}\" width=\"10\" height=\"10\" fill=\"none\" stroke=\"{Colour(point.Scale)}\" stroke-width=\"2\"/>");
            Append(svg, $"<text x=\"{x + 8:F1}\" y=\"{y - 6:F1}\" fill=\"#555\">{point.Label} {point.Set5Psnr:F2}</text>");
        }

        foreach (var (card, quality) in ours)
        {
            var (x, y) = (X(card.GigaMacsPerOutputMegapixel!.Value), Y(quality.Psnr));
            Append(svg, $"<circle class=\"ours\" cx=\"{x:F1}\" cy=\"{y:F1}\" r=\"6\" fill=\"{Colour(card.Scale)}\"/>");
            Append(svg, $"<text x=\"{x + 9:F1}\" y=\"{y + 4:F1}\">{card.Id} {quality.Psnr:F2}</text>");
        }

        Append(svg, $"<text x=\"{Left}\" y=\"{Height - 4}\" fill=\"#555\">filled: our models (./neuralpost eval); hollow: published; dashed: MATLAB bicubic</text>");
        Append(svg, $"</svg>");
        return svg.ToString();
    }

    private static string Colour(int scale) => ScaleColours.GetValueOrDefault(scale, "#7f7f7f");

    private static void Append(StringBuilder svg, FormattableString line) =>
        svg.AppendLine(line.ToString(CultureInfo.InvariantCulture));
}
