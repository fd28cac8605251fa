using NeuralPost.Core;
using NeuralPost.Samples.FoggyStreets.App;

namespace NeuralPost.Tests.Samples.App;

/// <summary>
/// The frame benchmark's dehaze reporting, with the width-probe network standing in for the dehaze model (cheap, and
/// loaded through the same manifest path) and the upscaler on its bilinear fallback.
/// </summary>
[NonParallelizable]
internal sealed class FrameBenchmarkTests : OrtTestFixture
{
    private static readonly Size Output = new(96, 54);

    [Test]
    public void WithDehazeOffTheDehazeRowIsADash()
    {
        using var host = CreateHost(DehazePlacement.Output);
        var result = FrameBenchmark.Run(host.App, host.Device, UpscaleTier.Performance, frames: 2, warmup: 1, dehaze: false);
        var markdown = Markdown(result);
        TestContext.Out.WriteLine(markdown);

        Assert.Multiple(() =>
        {
            Assert.That(result.Rows.Select(r => r.Pass), Does.Contain("dehaze"));
            Assert.That(result.DehazeMilliseconds, Is.NaN);
            Assert.That(result.DehazePlacement, Is.Null);
            Assert.That(result.DehazeSize, Is.Null);
            Assert.That(markdown, Does.Contain("| dehaze | - | - |"));
            Assert.That(markdown, Does.Not.Contain("dehaze (at"));
        });
    }

    [TestCase(DehazePlacement.Output, "output 96x54")]
    [TestCase(DehazePlacement.Render, "render 48x27")]
    public void WithDehazeOnItReportsTheDehazeRowAndWhereItRan(DehazePlacement placement, string where)
    {
        using var host = CreateHost(placement);
        var result = FrameBenchmark.Run(host.App, host.Device, UpscaleTier.Performance, frames: 2, warmup: 1, dehaze: true);
        var markdown = Markdown(result);
        TestContext.Out.WriteLine(markdown);

        var passes = result.Rows.Select(r => r.Pass).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(passes.IndexOf("dehaze"), Is.EqualTo(passes.IndexOf("sharpen") + 1), "dehaze comes after sharpen");
            Assert.That(result.DehazeMilliseconds, Is.GreaterThan(0));
            Assert.That(result.DehazePlacement, Is.EqualTo(placement));
            Assert.That(result.DehazeStatus, Is.EqualTo("dehaze on CPU EP"));
            Assert.That(markdown, Does.Match(@"\| dehaze \| \d+\.\d{3} \| - \|"));
            Assert.That(markdown, Does.Match($@"dehaze \(at {where}\): \d+\.\d{{3}} ms CPU vs upscaler inference - ms"));
        });
    }

    [Test]
    public void TheComparisonHasARowPerPlacementWithItsSize()
    {
        var results = new List<FrameBenchmarkResult>();
        foreach (var placement in new[] { DehazePlacement.Output, DehazePlacement.Render })
        {
            using var host = CreateHost(placement);
            results.Add(FrameBenchmark.Run(host.App, host.Device, UpscaleTier.Performance, frames: 2, warmup: 1, dehaze: true));
        }

        using var writer = new StringWriter();
        FrameBenchmark.WriteDehazeComparison(results, writer);
        var markdown = writer.ToString();
        TestContext.Out.WriteLine(markdown);

        Assert.Multiple(() =>
        {
            Assert.That(markdown, Does.Contain("| placement | dehaze size | dehaze CPU ms | upscaler inference ms | frame ms |"));
            Assert.That(markdown, Does.Match(@"\| output \| 96x54 \| \d+\.\d{3} \| - \| \d+\.\d{3} \|"));
            Assert.That(markdown, Does.Match(@"\| render \| 48x27 \| \d+\.\d{3} \| - \| \d+\.\d{3} \|"));
        });
    }

    private SampleTestHost CreateHost(DehazePlacement placement) => SampleTestHost.WithWidthProbeDehaze(Ort, Output, placement, dehaze: false);

    private static string Markdown(FrameBenchmarkResult result)
    {
        using var writer = new StringWriter();
        FrameBenchmark.WriteMarkdown(result, writer);
        return writer.ToString();
    }
}
