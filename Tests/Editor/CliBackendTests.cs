using NeuralPost.ImageFiles;
using NeuralPost.Imaging;
using NeuralPost.Samples.FoggyStreets.App;
using NeuralPost.Tests.Graphics;
using NeuralPost.Tests.Inference;

namespace NeuralPost.Tests.Editor;

/// <summary>
/// <c>--backend ort|gpu</c> on the commands that run networks: another value is a usage error, and while the
/// GPU-compute runner is a placeholder <c>gpu</c> falls back to ONNX Runtime with a note, the output unchanged.
/// </summary>
[NonParallelizable]
internal sealed class CliBackendTests
{
    [TestCase("upscale", "--model", "test-nearest-x2", "in.png", "out.png")]
    [TestCase("dehaze", "in.png", "out.png")]
    [TestCase("eval", "--model", "test-nearest-x2", "--set", "Set5")]
    [TestCase("sample", "--headless", "--frames", "1")]
    [TestCase("bench", "frame", "--frames", "1")]
    public void AnUnknownBackendIsAUsageError(params string[] command)
    {
        var (code, _, err) = CliRunner.Run([.. command, "--backend", "cuda"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), err);
            Assert.That(err, Does.Contain("--backend must be ort or gpu, not 'cuda'"));
        });
    }

    [Test]
    public void UpscaleWithTheGpuBackendFallsBackToOnnxRuntimeWithANoteAndTheSameImage()
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var dir = TestPaths.NewTempDirectory();
        var image = new Rgb8Image(21, 13);
        new Random(31).NextBytes(image.Data);
        var input = Path.Combine(dir, "in.png");
        ImageFile.Save(image, input);

        var ort = CliRunner.Run("upscale", "--model", "test-nearest-x2", input, Path.Combine(dir, "ort.png"), "--backend", "ort");
        var gpu = CliRunner.Run("upscale", "--model", "test-nearest-x2", input, Path.Combine(dir, "gpu.png"), "--backend", "gpu");

        Assert.Multiple(() =>
        {
            Assert.That(ort.ExitCode, Is.Zero, ort.Err);
            Assert.That(gpu.ExitCode, Is.Zero, gpu.Err);
            Assert.That(ort.Err, Does.Not.Contain("note"));
            Assert.That(gpu.Err, Does.Contain("neuralpost: note: --backend gpu: ModelLoadException: ")
                .And.Contain("running on ONNX Runtime instead"));
            Assert.That(ImageFile.Load(Path.Combine(dir, "gpu.png")).Data, Is.EqualTo(ImageFile.Load(Path.Combine(dir, "ort.png")).Data));
        });
    }

    [Test]
    public void DehazeWithTheGpuBackendFallsBackToOnnxRuntimeWithANoteAndTheSameImage()
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var dir = TestPaths.NewTempDirectory();
        var model = Path.Combine(dir, "half.onnx");
        File.WriteAllBytes(model, TinyOnnxModel.Scale(0.5f, TinyOnnxModel.Float, 1L, 3L, "height", "width"));
        var image = new Rgb8Image(20, 12);
        new Random(32).NextBytes(image.Data);
        var input = Path.Combine(dir, "in.png");
        ImageFile.Save(image, input);

        var ort = CliRunner.Run("dehaze", input, Path.Combine(dir, "ort.png"), "--model", model);
        var gpu = CliRunner.Run("dehaze", input, Path.Combine(dir, "gpu.png"), "--model", model, "--backend", "gpu");

        Assert.Multiple(() =>
        {
            Assert.That(ort.ExitCode, Is.Zero, ort.Err);
            Assert.That(gpu.ExitCode, Is.Zero, gpu.Err);
            Assert.That(gpu.Err, Does.Contain("neuralpost: note: --backend gpu: ModelLoadException: "));
            Assert.That(ImageFile.Load(Path.Combine(dir, "gpu.png")).Data, Is.EqualTo(ImageFile.Load(Path.Combine(dir, "ort.png")).Data));
        });
    }

    [Test]
    public void EvalWithTheGpuBackendFallsBackToOnnxRuntimeWithANoteAndTheSameFigures()
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var set = TestPaths.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(set, "HR_x2"));
        Directory.CreateDirectory(Path.Combine(set, "LR_x2"));
        var high = new Rgb8Image(16, 16);
        new Random(33).NextBytes(high.Data);
        var low = new Rgb8Image(8, 8);
        new Random(34).NextBytes(low.Data);
        ImageFile.Save(high, Path.Combine(set, "HR_x2", "a.png"));
        ImageFile.Save(low, Path.Combine(set, "LR_x2", "a.png"));

        var ort = CliRunner.Run("eval", "--model", "test-nearest-x2", "--set", set);
        var gpu = CliRunner.Run("eval", "--model", "test-nearest-x2", "--set", set, "--backend", "gpu");

        Assert.Multiple(() =>
        {
            Assert.That(ort.ExitCode, Is.Zero, ort.Err);
            Assert.That(gpu.ExitCode, Is.Zero, gpu.Err);
            Assert.That(gpu.Err, Does.Contain("neuralpost: note: --backend gpu: ModelLoadException: "));
            Assert.That(WithoutTimes(gpu.Out), Is.EqualTo(WithoutTimes(ort.Out)), "the same figures");
        });
    }

    [Test]
    public void SampleWithTheGpuBackendSaysTheFallbackOnceAndItsTimingsCarryTheChainsBytes()
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var dir = TestPaths.NewTempDirectory();
        var (code, output, error) = CliRunner.Run(
            "sample", "--headless", "--frames", "2", "--size", "96x54", "--tier", "Performance", "--overlay", "off",
            "--backend", "gpu", "--out", dir);

        var lines = File.ReadAllLines(Path.Combine(dir, "timings.csv"));
        var header = lines[0].Split(',');
        var chain = Array.IndexOf(header, "chain_bytes");
        var frame = Array.IndexOf(header, "frame_bytes");
        var status = Array.IndexOf(header, "status");
        var last = lines[^1].Split(',');
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, error);
            Assert.That(CliRunner.Lines(output + error).Count(l => l.Contains("GPU compute cannot run", StringComparison.Ordinal)), Is.EqualTo(1),
                output + error);
            Assert.That(chain, Is.GreaterThan(0));
            Assert.That(frame, Is.GreaterThan(chain));
            if (!last[status].Contains("bilinear", StringComparison.Ordinal))
            {
                // ONNX Runtime: the 48x27 input with imdn-rtc-x2's 8-pixel edge border (64x43) read back, its x2
                // output (128x86) uploaded, every frame.
                Assert.That(long.Parse(last[chain], System.Globalization.CultureInfo.InvariantCulture),
                    Is.EqualTo((64L * 43 * 12) + (128L * 86 * 12)), lines[^1]);
            }

            Assert.That(long.Parse(last[frame], System.Globalization.CultureInfo.InvariantCulture),
                Is.GreaterThanOrEqualTo(96L * 54 * 4), "the frame's PNG readback is the host's");
        });
    }

    [Test]
    public void BenchFrameWithABackendPrintsTheBytesPerFrame()
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var (code, output, error) = CliRunner.Run(
            "bench", "frame", "--frames", "1", "--warmup", "0", "--size", "64x36", "--tiers", "Native", "--dehaze", "off", "--backend", "ort");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, error);
            Assert.That(output, Does.Contain("backend: OnnxRuntime"));
            Assert.That(output, Does.Contain("host<->device bytes per frame (median): post-process chain "));
        });
    }

    /// <summary>The eval table without its last column, which holds times.</summary>
    private static string[] WithoutTimes(string output) =>
        CliRunner.Lines(output).Select(line => line.Contains(' ', StringComparison.Ordinal) ? line[..line.LastIndexOf(' ')].TrimEnd() : line).ToArray();
}
