using System.Xml.Linq;
using NeuralPost.Core;
using NeuralPost.Editor.Charts;

namespace NeuralPost.Tests.Editor;

internal sealed class PsnrMacsChartTests
{
    [Test]
    public void DrawsOurCardsThePublishedPointsAndBicubic()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "models.json");
        File.WriteAllText(path, """
            { "models": [
              { "id": "a-x2", "file": "a.onnx", "sha256": "0", "kind": "super-resolution", "scale": 2, "gigaMacsPerOutputMegapixel": 5.0,
                "metrics": { "Set5": { "psnr": 35.1, "ssim": 0.94, "bicubicPsnr": 33.67, "bicubicSsim": 0.93 } } },
              { "id": "b-x4", "file": "b.onnx", "sha256": "0", "kind": "super-resolution", "scale": 4, "gigaMacsPerOutputMegapixel": 44.0,
                "metrics": { "Set5": { "psnr": 30.2, "ssim": 0.85, "bicubicPsnr": 28.43, "bicubicSsim": 0.81 } } },
              { "id": "c-x2", "file": "c.onnx", "sha256": "0", "kind": "super-resolution", "scale": 2, "gigaMacsPerOutputMegapixel": 9.0 },
              { "id": "t", "file": "t.onnx", "sha256": "0", "kind": "test", "scale": 2 } ] }
            """);

        var svg = XDocument.Parse(PsnrMacsChart.Render(ModelManifest.Load(path), "Set5"));
        XNamespace ns = "http://www.w3.org/2000/svg";
        var ours = svg.Descendants(ns + "circle").Where(e => (string?)e.Attribute("class") == "ours").ToList();
        var published = svg.Descendants(ns + "rect").Where(e => (string?)e.Attribute("class") == "published").ToList();
        var texts = svg.Descendants(ns + "text").Select(e => e.Value).ToList();

        Assert.That(ours, Has.Count.EqualTo(2), "only cards with Set5 figures are drawn");
        Assert.That(published, Has.Count.EqualTo(PublishedResults.Set5.Count));
        Assert.That(texts, Has.Some.Contains("bicubic x2 33.67").And.Some.Contains("bicubic x4 28.43"));
        Assert.That(texts, Has.Some.Contains("a-x2 35.10"));
        // Cards are drawn in manifest order: a-x2 (35.1 dB) then b-x4 (30.2 dB); SVG y grows downwards.
        Assert.That(CentreY(ours[0]), Is.LessThan(CentreY(ours[1])), "higher PSNR is drawn higher");
    }

    private static double CentreY(XElement circle) =>
        double.Parse((string)circle.Attribute("cy")!, System.Globalization.CultureInfo.InvariantCulture);
}
