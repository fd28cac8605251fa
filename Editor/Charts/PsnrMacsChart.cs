using System.Globalization;
using NeuralPost.Core;
using ScottPlot;

namespace NeuralPost.Editor.Charts;

/// <summary>
/// Set5 PSNR against multiply-adds per output megapixel (log scale), drawn with ScottPlot: our models from
/// their cards as filled circles, bicubic as a dashed line per scale (from the same cards), the published points
/// as hollow squares. A manifest with no scored model gives the empty axes, not an error.
/// </summary>
internal static class PsnrMacsChart
{
    /// <summary>Size of the rendered chart in pixels (SVG user units).</summary>
    public const int Width = 1000, Height = 560;

    // 1 .. 100,000 G per megapixel: every shipped and published network falls inside (DRCN, which runs 256-channel
    // convolutions at the output resolution, is the costliest at ~19,500 G).
    private const int MinDecade = 0, MaxDecade = 5;

    private static readonly Dictionary<int, Color> ScaleColours = new()
    {
        [2] = Color.FromHex("#1f77b4"), [3] = Color.FromHex("#2ca02c"), [4] = Color.FromHex("#ff7f0e"), [8] = Color.FromHex("#d62728"),
    };

    /// <summary>Builds the chart of <paramref name="set"/>'s figures; published points are drawn for Set5 only.</summary>
    public static Plot Build(ModelManifest manifest, string set)
    {
        var ours = manifest.Models
            .Where(c => c.Kind == "super-resolution" && c.GigaMacsPerOutputMegapixel is > 0 && c.Metrics?.ContainsKey(set) == true)
            .Select(c => new ChartPoint(c.Id, c.Scale, c.GigaMacsPerOutputMegapixel!.Value, c.Metrics![set].Psnr))
            .ToList();
        var published = (set == "Set5" ? PublishedResults.Set5 : [])
            .Select(p => new ChartPoint(p.Label, p.Scale, p.GigaMacsPerOutputMegapixel, p.Set5Psnr))
            .ToList();
        var bicubic = manifest.Models
            .Where(c => c.Kind == "super-resolution" && c.Metrics?.GetValueOrDefault(set)?.BicubicPsnr is not null)
            .GroupBy(c => c.Scale)
            .ToDictionary(g => g.Key, g => g.First().Metrics![set].BicubicPsnr!.Value);

        var plot = new Plot();
        plot.Title($"{set} PSNR (Y) vs multiply-adds per output megapixel");
        plot.XLabel("G multiply-adds per output megapixel (log scale)");
        plot.YLabel("PSNR (dB)");
        plot.Axes.Bottom.TickGenerator = DecadeTicks();

        foreach (var (scale, psnr) in bicubic.OrderBy(b => b.Key))
        {
            var line = plot.Add.HorizontalLine(psnr, 1.5f, Colour(scale), LinePattern.Dashed);
            line.LegendText = string.Create(CultureInfo.InvariantCulture, $"bicubic x{scale} {psnr:F2}");
        }

        // Published labels prefer to sit above their points and ours below, since a paper's point and ours sit close
        // together; ours are placed first, so a crowded published label is the one that moves.
        var labels = AddPoints(plot, ours, MarkerShape.FilledCircle, "#000000", "ours", 4)
            .Concat(AddPoints(plot, published, MarkerShape.OpenSquare, "#555555", "published", -16))
            .ToList();

        var psnrs = ours.Concat(published).Select(p => p.Psnr).Concat(bicubic.Values).ToList();
        // room on the right for the labels of the costliest points (DRCN's, ~4.3 decades), which run to the right
        plot.Axes.SetLimits(MinDecade - 0.05, MaxDecade + 0.3,
            psnrs.Count == 0 ? 20 : Math.Floor(psnrs.Min() - 1), psnrs.Count == 0 ? 40 : Math.Ceiling(psnrs.Max() + 1));
        // Outside the data area, so it never hides a point.
        plot.ShowLegend(Edge.Right);
        SeparateLabels(plot, labels);
        return plot;
    }

    /// <summary>Moves labels so that none prints over another label or a marker, or leaves the plot area (see <see cref="LabelLayout"/>).</summary>
    private static void SeparateLabels(Plot plot, List<(ChartPoint Point, ScottPlot.Plottables.Text Label)> labels)
    {
        if (labels.Count == 0)
        {
            return;
        }

        // Pixel positions exist only once the layout (legend, tick labels) has been computed at the final size.
        plot.RenderInMemory(Width, Height);
        var data = plot.RenderManager.LastRender.DataRect;
        using var paint = Paint.NewDisposablePaint();
        var anchors = labels.Select(l => plot.GetPixel(new Coordinates(X(l.Point.GigaMacs), l.Point.Psnr))).ToList();
        var requests = labels.Select((l, i) =>
        {
            var size = l.Label.LabelStyle.Measure(paint).Size;
            return new LabelRequest(anchors[i].X, anchors[i].Y, l.Label.LabelOffsetX, size.Width, size.Height, l.Label.LabelOffsetY);
        }).ToList();
        var markers = anchors.Select(p => new PixelBox(p.X - MarkerSize / 2, p.Y - MarkerSize / 2, p.X + MarkerSize / 2, p.Y + MarkerSize / 2)).ToList();

        var placements = LabelLayout.Place(requests, markers, new PixelBox(data.Left, data.Top, data.Right, data.Bottom));
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i].Label;
            label.LabelOffsetY = (float)placements[i].OffsetY;
            if (placements[i].Left)
            {
                label.LabelAlignment = Alignment.UpperRight;
                label.LabelOffsetX = -label.LabelOffsetX;
            }
        }
    }

    /// <summary>The x coordinate of a multiply-add count: its decade, since the axis is logarithmic.</summary>
    public static double X(double gigaMacs) => Math.Log10(Math.Max(gigaMacs, 1));

    private const float MarkerSize = 10;

    private static List<(ChartPoint Point, ScottPlot.Plottables.Text Label)> AddPoints(
        Plot plot, List<ChartPoint> points, MarkerShape shape, string labelColour, string legend, float labelOffsetY)
    {
        // One series per scale, so a scale's colour means the same for ours, published and bicubic.
        foreach (var group in points.GroupBy(p => p.Scale).OrderBy(g => g.Key))
        {
            var series = plot.Add.Markers(group.Select(p => X(p.GigaMacs)).ToArray(), group.Select(p => p.Psnr).ToArray(), shape, MarkerSize, Colour(group.Key));
            series.LegendText = string.Create(CultureInfo.InvariantCulture, $"{legend} x{group.Key}");
        }

        var labels = new List<(ChartPoint, ScottPlot.Plottables.Text)>();
        foreach (var point in points)
        {
            var label = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"{point.Label} {point.Psnr:F2}"), X(point.GigaMacs), point.Psnr);
            label.LabelFontSize = 11;
            label.LabelFontColor = Color.FromHex(labelColour);
            label.LabelOffsetX = 8;
            label.LabelOffsetY = labelOffsetY;
            labels.Add((point, label));
        }

        return labels;
    }

    private static ScottPlot.TickGenerators.NumericManual DecadeTicks()
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var decade = MinDecade; decade <= MaxDecade; decade++)
        {
            ticks.AddMajor(decade, string.Create(CultureInfo.InvariantCulture, $"{Math.Pow(10, decade)} G"));
        }

        return ticks;
    }

    private static Color Colour(int scale) => ScaleColours.GetValueOrDefault(scale, Color.FromHex("#7f7f7f"));

    private sealed record ChartPoint(string Label, int Scale, double GigaMacs, double Psnr);
}
