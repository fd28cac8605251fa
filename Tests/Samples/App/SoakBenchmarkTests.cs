using System.Globalization;
using NeuralPost.Core;
using NeuralPost.Samples.FoggyStreets.App;
using NeuralPost.Tests.Editor;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Samples.App;

/// <summary>The soak run's figures and its command, on a few frames of the pattern scene and the real sample.</summary>
[NonParallelizable]
internal sealed class SoakBenchmarkTests : OrtTestFixture
{
    [Test]
    public void ItCountsTheMeasuredFramesAndReportsMemoryAtBothEnds()
    {
        using var host = SampleTestHost.WithWidthProbeDehaze(Ort, new Size(96, 54), DehazePlacement.Render, dehaze: false);
        var result = SoakBenchmark.Run(host.App, host.Device, UpscaleTier.Quality, dehaze: true, frames: 4, warmup: 2);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        SoakBenchmark.WriteMarkdown(result, text);
        TestContext.Out.WriteLine(text);

        Assert.Multiple(() =>
        {
            Assert.That(result.Frames, Is.EqualTo(4));
            Assert.That((result.Tier, result.Dehaze, host.App.DehazeEnabled, host.App.OverlayEnabled), Is.EqualTo((UpscaleTier.Quality, true, true, true)));
            Assert.That(result.Render, Is.EqualTo(new Size(64, 36)));
            Assert.That(result.Seconds, Is.GreaterThan(0));
            Assert.That(result.Start.ResidentBytes, Is.GreaterThan(0));
            Assert.That(result.End.PeakResidentBytes, Is.GreaterThanOrEqualTo(result.End.ResidentBytes));
            Assert.That(result.End.Gen0, Is.GreaterThanOrEqualTo(result.Start.Gen0));
            Assert.That(result.AllocatedBytes, Is.GreaterThanOrEqualTo(0));
            Assert.That(text.ToString(), Does.Contain("frames: 4 in").And.Contain("| RSS MB |").And.Contain("B/frame (all threads)"));
        });
    }

    [Test]
    public void TheCommandRunsEachTierWithDehazeOffAndOn()
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var (code, output, error) = CliRunner.Run(
            "bench", "soak", "--frames", "2", "--warmup", "1", "--size", "64x36", "--tiers", "Native,Performance");
        TestContext.Out.WriteLine(output + error);
        Assert.That(code, Is.Zero, error);
        Assert.Multiple(() =>
        {
            Assert.That(output, Does.Contain("### Native, dehaze off: render 64x36 -> output 64x36"));
            Assert.That(output, Does.Contain("### Native, dehaze on:"));
            Assert.That(output, Does.Contain("### Performance, dehaze off: render 32x18 -> output 64x36"));
            Assert.That(output, Does.Contain("### Performance, dehaze on:"));
            Assert.That(output.Split("frames: 2 in"), Has.Length.EqualTo(5), "four configurations of two frames");
        });
    }
}
