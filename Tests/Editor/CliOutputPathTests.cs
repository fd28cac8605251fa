using NeuralPost.ImageFiles;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Editor;

/// <summary>
/// Where a command writes is checked first: each case names a model file that does not exist, so a command that
/// loaded its model (or did any work) before checking the output would report the model instead.
/// </summary>
internal sealed class CliOutputPathTests
{
    private const string MissingModel = "no-such-model.onnx";
    private string _dir = "";
    private string _input = "";
    private string _file = "";

    [SetUp]
    public void CreateInputs()
    {
        _dir = TestPaths.NewTempDirectory();
        _input = Path.Combine(_dir, "in.png");
        ImageFile.Save(new Rgb8Image(8, 8), _input);
        _file = Path.Combine(_dir, "a-file");
        File.WriteAllText(_file, "not a folder");
    }

    private static void AssertOutputError(int code, string err, string fragment)
    {
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), err);
            Assert.That(CliRunner.Lines(err), Has.Length.EqualTo(1), err);
            Assert.That(err, Does.StartWith("neuralpost: error: ").And.Contain(fragment));
            Assert.That(err, Does.Not.Contain(MissingModel), "the output is checked before the model");
        });
    }

    [Test]
    public void UpscaleIntoAMissingFolderFailsBeforeTheModelLoads()
    {
        var output = Path.Combine(_dir, "missing", "out.png");
        var (code, _, err) = CliRunner.Run("upscale", "--model", MissingModel, _input, output);
        AssertOutputError(code, err, $"does not exist: {Path.Combine(_dir, "missing")}");
    }

    [Test]
    public void DehazeIntoAMissingFolderFailsBeforeTheModelLoads()
    {
        var (code, _, err) = CliRunner.Run("dehaze", "--model", MissingModel, _input, Path.Combine(_dir, "missing", "out.png"));
        AssertOutputError(code, err, "does not exist");
    }

    [Test]
    public void DemoIntoAFolderThatCannotBeCreatedFailsBeforeTheModelLoads()
    {
        var (code, _, err) = CliRunner.Run("demo", "--model", MissingModel, "--out", Path.Combine(_file, "demo"));
        AssertOutputError(code, err, "cannot be created");
    }

    [Test]
    public void ChartIntoAMissingFolderFailsBeforeDrawing()
    {
        var output = Path.Combine(_dir, "missing", "chart.svg");
        var (code, _, err) = CliRunner.Run("models", "chart", "--out", output);
        AssertOutputError(code, err, "does not exist");
    }

    [Test]
    public void SampleIntoAFolderThatCannotBeCreatedFailsBeforeRendering()
    {
        var (code, stdout, err) = CliRunner.Run("sample", "--headless", "--frames", "1", "--out", Path.Combine(_file, "frames"));
        AssertOutputError(code, err, "cannot be created");
        Assert.That(stdout, Does.Not.Contain("wrote"));
    }

    [Test]
    public void CaptureIntoAFolderThatCannotBeCreatedFailsBeforeRendering()
    {
        var (code, _, err) = CliRunner.Run("capture", "--pairs", "sr", "--count", "1", "--out", Path.Combine(_file, "pairs"));
        AssertOutputError(code, err, "cannot be created");
    }
}
