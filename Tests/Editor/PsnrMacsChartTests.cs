using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NeuralPost.Core;
using NeuralPost.Editor.Charts;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;
using ScottPlot;

namespace NeuralPost.Tests.Editor;

internal sealed partial class PsnrMacsChartTests
{
    private const string Scored = """
        { "models": [
          { "id": "a-x2", "file": "a.onnx", "sha256": "0", "kind": "super-resolution", "scale": 2, "gigaMacsPerOutputMegapixel": 5.0,
            "metrics": { "Set5": { "psnr": 35.1, "ssim": 0.94, "bicubicPsnr": 33.67, "bicubicSsim": 0.93 } } },
          { "id": "b-x4", "file": "b.onnx", "sha256": "0", "kind": "super-resolution", "scale": 4, "gigaMacsPerOutputMegapixel": 44.0,
            "metrics": { "Set5": { "psnr": 30.2, "ssim": 0.85, "bicubicPsnr": 28.43, "bicubicSsim": 0.81 } } },
          { "id": "c-x2", "file": "c.onnx", "sha256": "0", "kind": "super-resolution", "scale": 2, "gigaMacsPerOutputMegapixel": 9.0 },
          { "id": "t", "file": "t.onnx", "sha256": "0", "kind": "test", "scale": 2 } ] }
        """;

    private static ModelManifest Manifest(string json)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "models.json");
        File.WriteAllText(path, json);
        return ModelManifest.Load(path);
    }

    private static XDocument Svg(Plot plot)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "chart.svg");
        ChartFile.Save(plot, path, PsnrMacsChart.Width, PsnrMacsChart.Height);
        return XDocument.Load(path);
    }

    [Test]
    public void DrawsOurCardsThePublishedPointsAndBicubic()
    {
        XNamespace ns = "http://www.w3.org/2000/svg";
        var texts = Svg(PsnrMacsChart.Build(Manifest(Scored), "Set5")).Descendants(ns + "text")
            .ToDictionary(e => e.Value.Trim(), e => e, StringComparer.Ordinal);

        Assert.That(texts.Keys, Has.Some.EqualTo("a-x2 35.10").And.Some.EqualTo("b-x4 30.20"));
        Assert.That(texts.Keys, Has.None.StartsWith("c-x2"), "only cards with Set5 figures are drawn");
        Assert.That(texts.Keys, Has.Some.EqualTo("bicubic x2 33.67").And.Some.EqualTo("bicubic x4 28.43"));
        Assert.That(texts.Keys, Is.SupersetOf(PublishedResults.Set5.Select(p => $"{p.Label} {p.Set5Psnr:F2}")));
        Assert.That(texts.Keys, Has.Some.Contains("PSNR (dB)").And.Some.Contains("multiply-adds"));
        Assert.That(TranslateY(texts["a-x2 35.10"]), Is.LessThan(TranslateY(texts["b-x4 30.20"])), "higher PSNR is drawn higher");
    }

    [Test]
    public void LabelsOfNetworksAtNearlyTheSamePointDoNotPrintOverEachOther()
    {
        // rednet10, drrn and drcn at x2 sit within 0.01 dB and a factor 2.2 of cost of each other
        const string crowded = """
            { "models": [
              { "id": "rednet10-f32-x2", "file": "a.onnx", "sha256": "0", "kind": "super-resolution", "scale": 2, "gigaMacsPerOutputMegapixel": 74.3,
                "metrics": { "Set5": { "psnr": 35.69, "ssim": 0.94, "bicubicPsnr": 33.67, "bicubicSsim": 0.93 } } },
              { "id": "drrn-b1u9-f32-x2", "file": "b.onnx", "sha256": "0", "kind": "super-resolution", "scale": 2, "gigaMacsPerOutputMegapixel": 166.5,
                "metrics": { "Set5": { "psnr": 35.68, "ssim": 0.94, "bicubicPsnr": 33.67, "bicubicSsim": 0.93 } } },
              { "id": "drcn-f32r8-x2", "file": "c.onnx", "sha256": "0", "kind": "super-resolution", "scale": 2, "gigaMacsPerOutputMegapixel": 159.3,
                "metrics": { "Set5": { "psnr": 35.68, "ssim": 0.94, "bicubicPsnr": 33.67, "bicubicSsim": 0.93 } } } ] }
            """;
        XNamespace ns = "http://www.w3.org/2000/svg";
        var boxes = Svg(PsnrMacsChart.Build(Manifest(crowded), "Set5")).Descendants(ns + "text")
            .Where(e => e.Value.Trim().Contains("-x2 35.6", StringComparison.Ordinal))
            .Select(TextBox).ToList();

        Assert.That(boxes, Has.Count.EqualTo(3));
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.That(boxes[i].Overlaps(boxes[j]), Is.False, $"labels {i} and {j} overlap: {boxes[i]} {boxes[j]}");
            }
        }
    }

    // A label's box from its SVG element: the translate is its anchor, the x list each glyph's left edge (the last
    // glyph is taken as 7 px wide, a digit at 11 px), the height its 11 px font size.
    private static PixelBox TextBox(XElement text)
    {
        var xs = ((string)text.Attribute("x")!).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToList();
        var match = TranslatePattern().Match((string)text.Attribute("transform")!);
        var (left, top) = (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        return new PixelBox(left + xs.Min(), top, left + xs.Max() + 7, top + 11);
    }

    [Test]
    public void PngHasTextInTheTitleAndAxisLabelAreas()
    {
        // The NoDependencies build of libSkiaSharp draws every shape but no glyph; this fails if it is the one loaded.
        var plot = PsnrMacsChart.Build(Manifest(Scored), "Set5");
        var image = ImageFile.Decode(plot.GetImageBytes(PsnrMacsChart.Width, PsnrMacsChart.Height, ImageFormat.Png));
        var data = plot.RenderManager.LastRender.DataRect;
        Assert.That((image.Width, image.Height), Is.EqualTo((PsnrMacsChart.Width, PsnrMacsChart.Height)));

        Assert.Multiple(() =>
        {
            Assert.That(DarkPixels(image, (int)data.Left, (int)data.Right, (int)data.Bottom + 8, image.Height), Is.GreaterThan(300), "x tick labels and axis label");
            Assert.That(DarkPixels(image, 0, (int)data.Left - 8, (int)data.Top, (int)data.Bottom), Is.GreaterThan(300), "y tick labels and axis label");
            Assert.That(DarkPixels(image, (int)data.Left, (int)data.Right, 0, (int)data.Top - 2), Is.GreaterThan(300), "title");
        });
    }

    [Test]
    public void NoScoredModelGivesEmptyAxesNotAnError()
    {
        var plot = PsnrMacsChart.Build(Manifest("""{ "models": [] }"""), "Set5");
        var dir = TestPaths.NewTempDirectory();
        ChartFile.Save(plot, Path.Combine(dir, "empty.png"), PsnrMacsChart.Width, PsnrMacsChart.Height);
        ChartFile.Save(plot, Path.Combine(dir, "empty.svg"), PsnrMacsChart.Width, PsnrMacsChart.Height);

        Assert.That(ImageFile.Load(Path.Combine(dir, "empty.png")).Width, Is.EqualTo(PsnrMacsChart.Width));
        Assert.That(XDocument.Load(Path.Combine(dir, "empty.svg")).Root!.Name.LocalName, Is.EqualTo("svg"));
        Assert.That(() => ChartFile.Save(plot, Path.Combine(dir, "x.jpg"), 10, 10), Throws.ArgumentException);
    }

    private static int DarkPixels(Rgb8Image image, int left, int right, int top, int bottom)
    {
        var count = 0;
        for (var y = Math.Max(top, 0); y < Math.Min(bottom, image.Height); y++)
        {
            for (var x = Math.Max(left, 0); x < Math.Min(right, image.Width); x++)
            {
                var i = (y * image.Width + x) * 3;
                count += image.Data[i] + image.Data[i + 1] + image.Data[i + 2] < 3 * 100 ? 1 : 0;
            }
        }

        return count;
    }

    private static double TranslateY(XElement text) => TextBox(text).Top;

    [GeneratedRegex(@"translate\(([-0-9.]+) ([-0-9.]+)\)")]
    private static partial Regex TranslatePattern();
}
