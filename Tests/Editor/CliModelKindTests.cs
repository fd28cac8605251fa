namespace NeuralPost.Tests.Editor;

/// <summary>A model given to the wrong command is named with the command it belongs to, before any tensor is run.</summary>
internal sealed class CliModelKindTests
{
    private string _dir = "";
    private string _input = "";

    [SetUp]
    public void CreateInput()
    {
        _dir = TestPaths.NewTempDirectory();
        _input = RandomPng.Write(Path.Combine(_dir, "in.png"), 20, 12, seed: 8);
    }

    private void AssertWrongCommand(string[] args, string expected)
    {
        var output = Path.Combine(_dir, "out.png");
        var (code, _, err) = CliRunner.Run([.. args, _input, output]);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), err);
            Assert.That(err.Trim(), Is.EqualTo($"neuralpost: error: {expected}"));
            Assert.That(File.Exists(output), Is.False);
        });
    }

    [Test]
    public void DehazeModelGivenToUpscaleNamesTheDehazeCommand() =>
        AssertWrongCommand(["upscale", "--model", "dehaze"], "dehaze is a dehaze model (same-size output): use 'neuralpost dehaze'");

    [Test]
    public void SuperResolutionModelGivenToDehazeNamesTheUpscaleCommand() =>
        AssertWrongCommand(["dehaze", "--model", "imdn-x2"], "imdn-x2 is a super-resolution model: use 'neuralpost upscale'");

    [Test]
    public void UpscalingModelFileGivenToDehazeIsJudgedByItsScale() =>
        AssertWrongCommand(["dehaze", "--model", TestPaths.TestModel("test-nearest-x2")],
            "test-nearest-x2.onnx is a super-resolution model: use 'neuralpost upscale'");

    [Test]
    public void EvalOfADehazeModelWithoutDehazeNamesTheDehazeCommand()
    {
        var (code, _, err) = CliRunner.Run("eval", "--model", "dehaze", "--set", _dir);
        Assert.That(code, Is.EqualTo(1), err);
        Assert.That(err, Does.Contain("dehaze is a dehaze model (same-size output): use 'neuralpost dehaze'"));
    }
}
