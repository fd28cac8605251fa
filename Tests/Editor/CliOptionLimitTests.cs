using NeuralPost.ImageFiles;

namespace NeuralPost.Tests.Editor;

/// <summary>
/// Numeric options that would overflow or exhaust the machine: an absurd value is a usage error (exit 2) naming
/// the range; a size past a stated limit is a one-line error (exit 1) before any work.
/// </summary>
internal sealed class CliOptionLimitTests
{
    private string _dir = "";
    private string _input = "";

    [SetUp]
    public void CreateInput()
    {
        _dir = TestPaths.NewTempDirectory();
        _input = RandomPng.Write(Path.Combine(_dir, "in.png"), 12, 10, seed: 7);
    }

    private static void AssertUsageError(int code, string err, string fragment)
    {
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(2), err);
            Assert.That(err, Does.Contain(fragment));
            Assert.That(err, Does.Not.Contain("   at "));
        });
    }

    [Test]
    public void TileOfIntMaxIsAUsageErrorNotABlackImage()
    {
        var output = Path.Combine(_dir, "out.png");
        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", "--tile", "2147483647", _input, output);
        AssertUsageError(code, err, "--tile must be from 0 to 16384, not 2147483647");
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void TileAtTheLimitIsOneTileOfTheRealImage()
    {
        var output = Path.Combine(_dir, "out.png");
        var (code, stdout, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", "--tile", "16384", _input, output);
        Assert.That(code, Is.Zero, err);
        Assert.That(stdout, Does.Contain("1 tile(s)"));
        Assert.That(ImageFile.Load(output).Data, Has.Some.Not.EqualTo((byte)0), "not an all-black image");
    }

    [TestCase("--overlap", "-1")]
    [TestCase("--overlap", "2147483647")]
    [TestCase("--threads", "-4")]
    public void UpscaleOptionOutOfRangeIsAUsageError(string option, string value)
    {
        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", option, value, _input, Path.Combine(_dir, "o.png"));
        AssertUsageError(code, err, $"{option} must be from");
    }

    [TestCase("upscale", "--model", "test-nearest-x2")]
    [TestCase("dehaze", "--model", "dehaze")]
    public void AnEdgeModeThatIsNotReplicateOrWrapIsAUsageError(string command, string modelOption, string model)
    {
        var output = Path.Combine(_dir, "o.png");
        var (code, _, err) = CliRunner.Run(command, modelOption, model, "--edge", "mirror", _input, output);
        AssertUsageError(code, err, "'mirror' not recognized");
        Assert.That(err, Does.Contain("'replicate'").And.Contain("'wrap'"));
        Assert.That(File.Exists(output), Is.False);
    }

    [Test]
    public void WrapIsAcceptedAndWritesTheImage()
    {
        var output = Path.Combine(_dir, "o.png");
        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", "--edge", "wrap", _input, output);
        Assert.That(code, Is.Zero, err);
        Assert.That(ImageFile.Load(output).Width, Is.EqualTo(24));
    }

    [Test]
    public void OutputOverThePixelLimitIsRefusedFromTheHeaderBeforeUpscaling()
    {
        var huge = Path.Combine(_dir, "huge.png");
        HugePngHeader.Write(huge, 8192, 8192);
        var output = Path.Combine(_dir, "out.png");
        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x4", huge, output);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), err);
            Assert.That(err, Does.StartWith("neuralpost: error: ").And.Contain("x4 of 8192x8192 would be a 32768x32768 image")
                .And.Contain("268,435,456 pixels"));
            Assert.That(CliRunner.Lines(err), Has.Length.EqualTo(1), err);
            Assert.That(File.Exists(output), Is.False);
        });
    }

    [Test]
    public void WholeImageTileOverTheTensorLimitIsRefusedFromTheHeader()
    {
        var huge = Path.Combine(_dir, "huge.png");
        HugePngHeader.Write(huge, 8192, 8192);
        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", "--tile", "0", huge, Path.Combine(_dir, "out.png"));
        Assert.That(code, Is.EqualTo(1), err);
        Assert.That(err, Does.StartWith("neuralpost: error: ").And.Contain("--tile 0 runs the whole 8192x8192 image as one tile")
            .And.Contain("over the limit of 2 GiB"));
    }

    [Test]
    public void ThreadsAboveTheProcessorCountAreClampedAndSaidOnce()
    {
        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", "--threads", "100000", _input, Path.Combine(_dir, "o.png"));
        Assert.That(code, Is.Zero, err);
        Assert.That(CliRunner.Lines(err).Count(line => line.Contains("--threads 100000 is more than the", StringComparison.Ordinal)), Is.EqualTo(1), err);
        Assert.That(err, Does.Contain($"using {Environment.ProcessorCount}"));
    }

    [TestCase("NaN")]
    [TestCase("1.5")]
    [TestCase("-0.1")]
    public void DehazeStrengthOutsideZeroToOneIsAUsageError(string value)
    {
        var (code, _, err) = CliRunner.Run("dehaze", "--strength", value, _input, Path.Combine(_dir, "o.png"));
        AssertUsageError(code, err, "--strength must be from 0 to 1");
    }

    [TestCase("0")]
    [TestCase("17")]
    public void EvalScaleOutOfRangeIsAUsageError(string value)
    {
        var (code, _, err) = CliRunner.Run("eval", "--model", "test-nearest-x2", "--set", _dir, "--scale", value);
        AssertUsageError(code, err, "--scale must be from 1 to 16");
    }
}
