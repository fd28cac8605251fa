using NeuralPost.ImageFiles;
using NeuralPost.Imaging;
using NeuralPost.Samples.FoggyStreets.App;
using NeuralPost.Tests.Graphics;
using NeuralPost.Tests.Inference;

namespace NeuralPost.Tests.Editor;

/// <summary>
/// <c>--backend ort|gpu</c> on the commands that run networks: another value is a usage error, and <c>gpu</c>
/// runs the network as compute shaders on a headless EGL device (llvmpipe here) with the output of ONNX Runtime.
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

    [TestCase("upscale", "--model", "test-nearest-x2", "in.png", "out.png")]
    [TestCase("dehaze", "in.png", "out.png")]
    [TestCase("eval", "--model", "test-nearest-x2", "--set", "Set5")]
    [TestCase("sample", "--headless", "--frames", "1")]
    [TestCase("bench", "frame", "--frames", "1")]
    [TestCase("bench", "backends", "--frames", "1")]
    public void AnUnknownGpuStorageIsAUsageError(params string[] command)
    {
        var (code, _, err) = CliRunner.Run([.. command, "--gpu-storage", "int8"]);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), err);
            Assert.That(err, Does.Contain("--gpu-storage must be fp32 or fp16, not 'int8'"));
        });
    }

    [Test]
    public void UpscaleWithFp16GpuStorageStaysWithinALevelOfOnnxRuntime()
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var dir = TestPaths.NewTempDirectory();
        var image = new Rgb8Image(21, 13);
        new Random(36).NextBytes(image.Data);
        var input = Path.Combine(dir, "in.png");
        ImageFile.Save(image, input);

        var ort = CliRunner.Run("upscale", "--model", "imdn-rtc-x2", input, Path.Combine(dir, "ort.png"), "--backend", "ort", "--gpu-storage", "fp16");
        var gpu = CliRunner.Run("upscale", "--model", "imdn-rtc-x2", input, Path.Combine(dir, "gpu.png"), "--backend", "gpu", "--gpu-storage", "fp16");

        Assert.Multiple(() =>
        {
            Assert.That(ort.ExitCode, Is.Zero, ort.Err);
            Assert.That(gpu.ExitCode, Is.Zero, gpu.Err);
            Assert.That(gpu.Err, Does.Not.Contain("note"), "no fallback");
            Assert.That(Effects.GlPixels.MaxDifference(ImageFile.Load(Path.Combine(dir, "gpu.png")), ImageFile.Load(Path.Combine(dir, "ort.png"))),
                Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void UpscaleWithTheGpuBackendRunsThereAndGivesOnnxRuntimesImage()
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
            Assert.That(gpu.Err, Does.Not.Contain("note"), "no fallback");
            Assert.That(ImageFile.Load(Path.Combine(dir, "gpu.png")).Data, Is.EqualTo(ImageFile.Load(Path.Combine(dir, "ort.png")).Data));
        });
    }

    [Test]
    public void UpscaleWithATrainedNetworkOnTheGpuBackendMatchesOnnxRuntimeWithinALevel()
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var dir = TestPaths.NewTempDirectory();
        var image = new Rgb8Image(21, 13);
        new Random(35).NextBytes(image.Data);
        var input = Path.Combine(dir, "in.png");
        ImageFile.Save(image, input);

        var ort = CliRunner.Run("upscale", "--model", "imdn-rtc-x2", input, Path.Combine(dir, "ort.png"), "--backend", "ort");
        var gpu = CliRunner.Run("upscale", "--model", "imdn-rtc-x2", input, Path.Combine(dir, "gpu.png"), "--backend", "gpu");

        Assert.Multiple(() =>
        {
            Assert.That(gpu.ExitCode, Is.Zero, gpu.Err);
            Assert.That(gpu.Err, Does.Not.Contain("note"), "no fallback");
            Assert.That(Effects.GlPixels.MaxDifference(ImageFile.Load(Path.Combine(dir, "gpu.png")), ImageFile.Load(Path.Combine(dir, "ort.png"))),
                Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void DehazeWithTheGpuBackendRunsThereAndGivesOnnxRuntimesImage()
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
            Assert.That(gpu.Err, Does.Not.Contain("note"), "no fallback");
            Assert.That(ImageFile.Load(Path.Combine(dir, "gpu.png")).Data, Is.EqualTo(ImageFile.Load(Path.Combine(dir, "ort.png")).Data));
        });
    }

    [Test]
    public void EvalWithTheGpuBackendGivesOnnxRuntimesFigures()
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
            Assert.That(gpu.Err, Does.Not.Contain("note"), "no fallback");
            Assert.That(WithoutTimes(gpu.Out), Is.EqualTo(WithoutTimes(ort.Out)), "the same figures");
        });
    }

    [Test]
    public void SampleWithTheGpuBackendMovesNoChainBytesAfterTheFirstFrame()
    {
        // The GPU-compute issue's "done when", at a size CI can afford on llvmpipe: upscaler and dehaze on GPU compute,
        // nothing crosses between host and device for the chain after the first frame (its output checks).
        GlTestDevice.CreateOrIgnore().Dispose();
        var dir = TestPaths.NewTempDirectory();
        var (code, output, error) = CliRunner.Run(
            "sample", "--headless", "--frames", "3", "--size", "96x54", "--tier", "Performance", "--overlay", "off",
            "--dehaze", "on", "--backend", "gpu", "--out", dir);

        // The status column is quoted and holds commas; the byte columns are the last two.
        var lines = File.ReadAllLines(Path.Combine(dir, "timings.csv"));
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.Zero, error);
            Assert.That(output + error, Does.Not.Contain("GPU compute cannot run").And.Not.Contain("GPU compute failed"));
            Assert.That(lines[0], Does.EndWith(",chain_bytes,frame_bytes"));
            Assert.That(lines, Has.Length.EqualTo(4), "header + 3 frames");
            foreach (var line in lines.Skip(2))
            {
                var cells = line.Split(',');
                Assert.That(line, Does.Contain("imdn-rtc-x2 on GPU compute"));
                Assert.That(long.Parse(cells[^2], System.Globalization.CultureInfo.InvariantCulture), Is.Zero, line);
                Assert.That(long.Parse(cells[^1], System.Globalization.CultureInfo.InvariantCulture),
                    Is.GreaterThanOrEqualTo(96L * 54 * 4), "the frame's PNG readback is the host's");
            }
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
