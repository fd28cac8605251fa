namespace NeuralPost.Tests.Tools;

/// <summary>
/// The sample host's counts: a non-positive or absurd count is a usage error (exit 2) while parsing, before any
/// device opens or frame renders.
/// </summary>
internal sealed class SampleOptionLimitTests
{
    [TestCase("0")]
    [TestCase("-3")]
    public void NonPositiveSampleFramesIsAUsageErrorAndWritesNothing(string frames)
    {
        var dir = TestPaths.NewTempDirectory();
        var output = Path.Combine(dir, "frames");
        var (code, _, err) = Editor.CliRunner.Run("sample", "--headless", "--frames", frames, "--out", output);
        Assert.That(code, Is.EqualTo(2), err);
        Assert.That(err, Does.Contain("--frames must be from 1 to"));
        Assert.That(Directory.Exists(output), Is.False, "no frame written");
    }

    [TestCase("capture", "--count", "0")]
    [TestCase("capture", "--scale", "0")]
    [TestCase("capture", "--scale", "1000")]
    [TestCase("capture", "--first", "2147483647")]
    public void CaptureOptionOutOfRangeIsAUsageError(string command, string option, string value)
    {
        var dir = TestPaths.NewTempDirectory();
        string[] args = option == "--count"
            ? [command, "--pairs", "sr", "--out", dir, option, value]
            : [command, "--pairs", "sr", "--out", dir, "--count", "1", option, value];
        var (code, _, err) = Editor.CliRunner.Run(args);
        Assert.That(code, Is.EqualTo(2), err);
        Assert.That(err, Does.Contain($"{option} must be from"));
    }

    [Test]
    public void CaptureSizeSmallerThanTheScaleIsAUsageError()
    {
        var (code, _, err) = Editor.CliRunner.Run("capture", "--pairs", "sr", "--count", "1", "--out", TestPaths.NewTempDirectory(), "--size", "3x3", "--scale", "4");
        Assert.That(code, Is.EqualTo(2), err);
        Assert.That(err, Does.Contain("--size 3x3 is smaller than --scale 4"));
    }

    [TestCase("--frames", "0")]
    [TestCase("--warmup", "-1")]
    public void BenchFrameCountOutOfRangeIsAUsageError(string option, string value)
    {
        var (code, _, err) = Editor.CliRunner.Run("bench", "frame", option, value);
        Assert.That(code, Is.EqualTo(2), err);
        Assert.That(err, Does.Contain($"{option} must be from"));
    }
}
