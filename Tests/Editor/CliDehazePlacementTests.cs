using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Editor;

/// <summary><c>sample --dehaze-at</c> and <c>bench frame --dehaze</c>: their values, their errors and what they print.</summary>
[NonParallelizable]
internal sealed class CliDehazePlacementTests
{
    [TestCase("--dehaze-at must be output or render, not 'sideways'", "sample", "--headless", "--dehaze-at", "sideways")]
    [TestCase("--dehaze must be off, output, render or both, not 'sometimes'", "bench", "frame", "--dehaze", "sometimes")]
    public void AValueOutsideTheChoicesIsAUsageError(string message, params string[] args)
    {
        var (code, output, error) = CliRunner.Run(args);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), error);
            Assert.That(error, Does.Contain(message));
            Assert.That(output, Is.Empty, "nothing ran");
        });
    }

    [TestCase(null, "dehaze on, placed before the upscaler at render resolution")]
    [TestCase("output", "dehaze on, placed after the upscaler at output resolution")]
    [TestCase("Render", "dehaze on, placed before the upscaler at render resolution")]
    public void SampleSaysWhereDehazeRuns(string? placement, string expected)
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        string[] args = ["sample", "--headless", "--frames", "1", "--size", "96x54", "--dehaze", "on", "--out", TestPaths.NewTempDirectory()];
        var (code, output, error) = CliRunner.Run(placement is null ? args : [.. args, "--dehaze-at", placement]);
        TestContext.Out.WriteLine(output + error);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, error);
            Assert.That(output, Does.Contain(expected));
        });
    }

    [Test]
    public void BenchFrameComparesBothPlacementsOnPerformanceAfterTheTierTables()
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var (code, output, error) = CliRunner.Run(
            "bench", "frame", "--frames", "1", "--warmup", "0", "--size", "96x54", "--tiers", "Balanced,Performance");
        TestContext.Out.WriteLine(output + error);
        var lines = CliRunner.Lines(output);
        var comparison = Array.FindIndex(lines, l => l.StartsWith("### Dehaze placement", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, error);
            Assert.That(lines.Count(l => l == "| dehaze | - | - |"), Is.EqualTo(2), "each tier table has the dehaze row, off");
            Assert.That(comparison, Is.GreaterThan(Array.FindLastIndex(lines, l => l.StartsWith("### ", StringComparison.Ordinal) && !l.Contains("Dehaze placement", StringComparison.Ordinal))));
            Assert.That(comparison >= 0 ? lines[comparison] : "", Does.StartWith("### Dehaze placement, Performance: render 48x27 -> output 96x54"));
            Assert.That(lines, Has.Some.Match(@"^\| output \| 96x54 \| \d+\.\d{3} \| [-\d.]+ \| \d+\.\d{3} \|$"));
            Assert.That(lines, Has.Some.Match(@"^\| render \| 48x27 \| \d+\.\d{3} \| [-\d.]+ \| \d+\.\d{3} \|$"));
        });
    }

    [TestCase("off", false, false)]
    [TestCase("render", false, true)]
    public void BenchFrameDehazeChoosesThePlacementsCompared(string choice, bool output, bool render)
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var (code, text, error) = CliRunner.Run(
            "bench", "frame", "--frames", "1", "--warmup", "0", "--size", "96x54", "--tiers", "Quality", "--dehaze", choice);
        TestContext.Out.WriteLine(text + error);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, error);
            Assert.That(text.Contains("### Dehaze placement, Quality", StringComparison.Ordinal), Is.EqualTo(output || render), "the first tier when Performance is not measured");
            Assert.That(text.Contains("| output | 96x54 |", StringComparison.Ordinal), Is.EqualTo(output));
            Assert.That(text.Contains("| render | 64x36 |", StringComparison.Ordinal), Is.EqualTo(render), "Quality renders 64x36 for 96x54");
        });
    }
}
