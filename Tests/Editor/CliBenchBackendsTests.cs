using System.Text.RegularExpressions;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Editor;

/// <summary>
/// <c>bench backends</c>: both backends' rows from one run, the card-derived GFLOP, the chain's bytes, and the GPU
/// backend said not to have run (never given its fallback's figures) while GPU compute cannot run here.
/// </summary>
[NonParallelizable]
internal sealed class CliBenchBackendsTests
{
    [Test]
    public void OneRunPrintsBothBackendsRowsPerTierWithTheCardsGflopAndTheChainsBytes()
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var (code, output, error) = CliRunner.Run(
            "bench", "backends", "--frames", "1", "--warmup", "0", "--size", "64x36", "--tiers", "Performance");
        TestContext.Out.WriteLine(output + error);
        var lines = CliRunner.Lines(output);
        var gpuRan = !output.Contains("gpu: did not run", StringComparison.Ordinal);

        // imdn-rtc-x2 on 32x18 with its 8-pixel border: 2 x 4.975 x 96 x 68 / 1e6 = 0.065 GFLOP. ONNX Runtime reads
        // back the 48x34 padded input and uploads the 96x68 output, 3 fp32 channels each: 97920 bytes a frame once
        // steady (the first frame, the only one measured here, also fills its buffers).
        var ort = lines.Select(l => Regex.Match(l, @"^\| Performance \| 32x18 \| ort \| imdn-rtc-x2 \| 0\.06 \| \d+\.\d{3} \(CPU\) \| \d+\.\d \|.* \d+\.\d{3} \| (\d+) \|$"))
            .FirstOrDefault(m => m.Success);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, error);
            Assert.That(lines, Has.Some.StartsWith("### Performance: render 32x18 -> output 64x36"));
            Assert.That(ort, Is.Not.Null, "the ort row with the card's GFLOP");
            Assert.That(ort is null ? 0 : long.Parse(ort.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(97920));
            Assert.That(lines, Has.Some.Match(@"^\| dehaze \(Performance\) \| 32x18 \| ort \| dehaze \| "), "dehaze at render resolution");
            Assert.That(lines[^1], Does.StartWith("Auto on this "));
            if (gpuRan)
            {
                // One frame only: its plan's first-frame work may move bytes, so the 0 of steady state is not asserted here.
                Assert.That(lines, Has.Some.Match(@"^\| Performance \| 32x18 \| gpu \| imdn-rtc-x2 \| 0\.06 \| [-\d.]+ \(GPU timer\) \| .* \d+\.\d{3} \| \d+ \|$"));
                Assert.That(lines, Has.None.Contain("gpu: did not run"));
                Assert.That(lines, Has.Some.Match(@"^\| Performance \| 32x18 \| gpu/ort \|.* \d+\.\d\dx \| \|$"), "the frame wall ratio");
            }
            else
            {
                Assert.That(lines, Has.Some.Match(@"^\| Performance \| 32x18 \| gpu \| did not run \(the pass: imdn-rtc-x2 on CPU EP\) \| - \|"));
                Assert.That(lines, Has.None.Match(@"^\| Performance \| 32x18 \| gpu \| imdn-rtc-x2 "), "no figures for the GPU backend from its fallback");
                Assert.That(lines, Has.Some.Match(@"^\| Performance \| 32x18 \| gpu/ort \|( [|-]*)*$"), "no ratio");
                Assert.That(lines, Has.Some.StartsWith("gpu: why: NeuralUpscaler: GPU compute cannot run imdn-rtc-x2: "));
                Assert.That(lines[^1], Does.Contain("the GPU backend did not run"));
            }
        });
    }

    [Test]
    public void OnASoftwareRendererTheSummaryHasTheFractionOfTheCpusFmaPeak()
    {
        var device = GlTestDevice.CreateOrIgnore();
        var software = NeuralPost.Effects.BackendSelection.IsSoftwareRenderer(device.Description);
        device.Dispose();
        if (!software)
        {
            Assert.Ignore("not a software renderer");
        }

        var (code, output, error) = CliRunner.Run(
            "bench", "backends", "--frames", "1", "--warmup", "0", "--size", "64x36", "--tiers", "Performance", "--dehaze", "off");
        TestContext.Out.WriteLine(output + error);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, error);
            Assert.That(output, Does.Contain("CPU fp32 FMA peak: "));
            Assert.That(output, Does.Contain("| of CPU FMA peak |"));
            Assert.That(Regex.IsMatch(output, @"\| ort \| imdn-rtc-x2 \| [^|]+ \| [^|]+ \| [^|]+ \| (\d+\.\d%|unknown) \|"), Is.True, "the ort row's share of the peak");
            Assert.That(output, Does.Not.Contain("| dehaze (Performance) |"), "--dehaze off");
        });
    }

    [Test]
    public void ADehazeValueOtherThanOnOrOffIsAUsageError()
    {
        var (code, output, error) = CliRunner.Run("bench", "backends", "--dehaze", "both");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), error);
            Assert.That(error, Does.Contain("--dehaze must be on or off, not 'both'"));
            Assert.That(output, Is.Empty, "nothing ran");
        });
    }

    [Test]
    public void EverySizeIsCheckedBeforeAnythingRuns()
    {
        var (code, output, error) = CliRunner.Run("bench", "backends", "--size", "64x36,wide", "--tiers", "Performance");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), error);
            Assert.That(error, Does.Contain("--size must be WIDTHxHEIGHT with sides from 1 to 16384, e.g. 960x540, not 'wide'"));
            Assert.That(output, Is.Empty, "nothing ran, not even the first size");
        });
    }
}
