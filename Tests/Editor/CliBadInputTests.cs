using NeuralPost.ImageFiles;
using NeuralPost.Imaging;
using NeuralPost.Tests.Imaging;

namespace NeuralPost.Tests.Editor;

/// <summary>Each bad input gives exactly one line on stderr, no stack trace and a non-zero exit code.</summary>
internal sealed class CliBadInputTests
{
    private string _dir = "";
    private string _goodPng = "";

    [SetUp]
    public void CreateInputs()
    {
        _dir = TestPaths.NewTempDirectory();
        _goodPng = Path.Combine(_dir, "good.png");
        var image = new Rgb8Image(12, 10);
        new Random(5).NextBytes(image.Data);
        ImageFile.Save(image, _goodPng);
    }

    private static void AssertOneLineError(int exitCode, string stderr, string expectedFragment)
    {
        var lines = CliRunner.Lines(stderr);
        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(1), stderr);
            Assert.That(lines, Has.Length.EqualTo(1), stderr);
            Assert.That(stderr, Does.StartWith("neuralpost: error: "));
            Assert.That(stderr, Does.Contain(expectedFragment));
            Assert.That(stderr, Does.Not.Contain("   at "), "no stack trace");
        });
    }

    [Test]
    public void TruncatedModel()
    {
        var bytes = File.ReadAllBytes(TestPaths.TestModel("test-blur-x2"));
        var model = Path.Combine(_dir, "truncated.onnx");
        File.WriteAllBytes(model, bytes[..(bytes.Length / 2)]);
        var (code, _, err) = CliRunner.Run("upscale", "--model", model, _goodPng, Path.Combine(_dir, "o.png"));
        AssertOneLineError(code, err, "truncated.onnx");
    }

    [Test]
    public void GarbageModel()
    {
        var model = Path.Combine(_dir, "garbage.onnx");
        File.WriteAllBytes(model, [0xde, 0xad, 0xbe, 0xef, 1, 2, 3]);
        var (code, _, err) = CliRunner.Run("info", model);
        AssertOneLineError(code, err, "garbage.onnx");
    }

    [TestCase("test-gray-input", "1x3xHxW")]
    [TestCase("test-uint8-input", "float32")]
    public void ModelOutsideTheContract(string name, string fragment)
    {
        var (code, _, err) = CliRunner.Run("upscale", "--model", TestPaths.TestModel(name), _goodPng, Path.Combine(_dir, "o.png"));
        AssertOneLineError(code, err, fragment);
    }

    [Test]
    public void TruncatedPng()
    {
        var bytes = File.ReadAllBytes(_goodPng);
        var png = Path.Combine(_dir, "truncated.png");
        File.WriteAllBytes(png, bytes[..(bytes.Length - 20)]);
        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", png, Path.Combine(_dir, "o.png"));
        AssertOneLineError(code, err, "truncated");
    }

    [Test]
    public void PngWithBadCrc()
    {
        var bytes = File.ReadAllBytes(_goodPng);
        bytes[8 + 8 + 3] ^= 0x01; // a byte of IHDR's payload: its CRC no longer matches
        var png = Path.Combine(_dir, "crc.png");
        File.WriteAllBytes(png, bytes);
        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", png, Path.Combine(_dir, "o.png"));
        // libpng stops at IHDR's CRC, which Skia reports as a header it cannot read.
        AssertOneLineError(code, err, "crc.png: truncated or corrupt image header");
    }

    [Test]
    public void PngClaimingAHugeSize()
    {
        var png = Path.Combine(_dir, "huge.png");
        File.WriteAllBytes(png, PngTestFiles.Build(PngTestFiles.Ihdr(100000, 100000, 8, 2), PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib(new byte[16]))));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", png, Path.Combine(_dir, "o.png"));
        AssertOneLineError(code, err, "100000");
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.LessThan(64L << 20), "rejected before allocating the image");
    }

    [Test]
    public void UnknownExecutionProvider()
    {
        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", "--ep", "NoSuchProvider", _goodPng, Path.Combine(_dir, "o.png"));
        AssertOneLineError(code, err, "NoSuchProvider");
    }

    [Test]
    public void UnknownModelIdAndMissingFiles()
    {
        var (code, _, err) = CliRunner.Run("upscale", "--model", "no-such-model", _goodPng, Path.Combine(_dir, "o.png"));
        AssertOneLineError(code, err, "no-such-model");
        (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", Path.Combine(_dir, "missing.png"), Path.Combine(_dir, "o.png"));
        AssertOneLineError(code, err, "missing.png");
    }

    [Test]
    public void MissingNativeLibrary()
    {
        if (!OperatingSystem.IsLinux())
        {
            Assert.Ignore("the copy below drops the Linux library file name only");
        }

        // A copy of the build without libonnxruntime*.so: the managed API's load fails as on a machine whose build
        // did not restore the native library for its platform.
        var copy = TestPaths.NewTempDirectory();
        foreach (var file in Directory.GetFiles(TestContext.CurrentContext.TestDirectory))
        {
            if (!Path.GetFileName(file).StartsWith("libonnxruntime", StringComparison.Ordinal))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }
        }

        var (code, _, err) = CliRunner.RunProcessIn(copy, new Dictionary<string, string>(), "info", TestPaths.TestModel("test-nearest-x2"));
        AssertOneLineError(code, err, "the ONNX Runtime native library libonnxruntime.so could not be loaded");
        Assert.That(err, Does.Contain("Microsoft.ML.OnnxRuntime package"));
    }

    [TestCase("--upscaler needs --dehaze", "--upscaler", "imdn-rtc-x2")]
    [TestCase("--compare needs --dehaze", "--compare", "dehaze-no-kt")]
    [TestCase("--scale applies to super-resolution models", "--dehaze", "--scale", "2")]
    [TestCase("takes neither --write-card nor --compare", "--dehaze", "--upscaler", "imdn-rtc-x2", "--write-card")]
    [TestCase("takes neither --write-card nor --compare", "--dehaze", "--upscaler", "imdn-rtc-x2", "--compare", "dehaze-no-kt")]
    public void EvalOptionsTheEvaluationWouldIgnoreAreUsageErrors(string message, params string[] options)
    {
        var (code, output, err) = CliRunner.Run(["eval", "--model", "dehaze", "--set", _dir, .. options]);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), err);
            Assert.That(err, Does.Contain(message));
            Assert.That(output, Is.Empty, "nothing was evaluated");
        });
    }

    [TestCase("upscale", "--model", "no-such-model", "IN", "OUT")]
    [TestCase("dehaze", "--model", "no-such-model", "IN", "OUT")]
    [TestCase("sample", "--headless", "--frames", "1", "--screenshot", "OUT")]
    public void AnOutputFormatWeCannotWriteIsAUsageErrorBeforeAnyWork(params string[] arguments)
    {
        // The unknown model id would fail with exit 1 if anything ran before the output path was checked.
        string output = Path.Combine(_dir, "out.tiff");
        var (code, stdout, err) = CliRunner.Run([.. arguments.Select(a => a switch { "IN" => _goodPng, "OUT" => output, _ => a })]);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), err);
            Assert.That(err, Does.Contain("out.tiff").And.Contain(".png, .jpg, .jpeg or .webp"));
            Assert.That(stdout, Is.Empty, "nothing ran");
            Assert.That(File.Exists(output), Is.False);
        });
    }

    [Test]
    public void BadCommandLineIsAUsageError()
    {
        var (code, _, err) = CliRunner.Run("upscale", "--tile", "abc");
        Assert.That(code, Is.EqualTo(2), err);
    }
}
