using System.Text.Json.Nodes;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Editor;

/// <summary><c>eval</c> and <c>models validate</c> against a private manifest and a tiny synthetic benchmark set.</summary>
[NonParallelizable]
internal sealed class CliModelsTests
{
    private string _dir = "";
    private string _manifest = "";
    private string _set = "";
    private string? _previousManifestVariable;
    private string? _previousBenchmarksVariable;

    [SetUp]
    public void CreateManifestAndSet()
    {
        _dir = TestPaths.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(_dir, "Testing"));
        foreach (var name in new[] { "test-nearest-x2", "test-blur-x2" })
        {
            File.Copy(TestPaths.TestModel(name), Path.Combine(_dir, "Testing", name + ".onnx"));
        }

        var shipped = JsonNode.Parse(File.ReadAllText(TestPaths.Manifest))!;
        var models = shipped["models"]!.AsArray();
        var kept = new JsonArray(models.Where(m => m!["id"]!.GetValue<string>() is "test-nearest-x2" or "test-blur-x2")
            .Select(m => m!.DeepClone()).ToArray());
        _manifest = Path.Combine(_dir, "models.json");
        File.WriteAllText(_manifest, new JsonObject { ["schemaVersion"] = 1, ["models"] = kept }.ToJsonString());

        _set = Path.Combine(_dir, "TinySet");
        Directory.CreateDirectory(Path.Combine(_set, "HR_x2"));
        Directory.CreateDirectory(Path.Combine(_set, "LR_x2"));
        var random = new Random(7);
        for (var i = 1; i <= 2; i++)
        {
            var high = new Rgb8Image(40, 32);
            random.NextBytes(high.Data);
            ImageFile.Save(high, Path.Combine(_set, "HR_x2", $"img_00{i}.png"));
            ImageFile.Save(MatlabBicubic.Downscale(high, 2), Path.Combine(_set, "LR_x2", $"img_00{i}.png"));
        }

        _previousManifestVariable = Environment.GetEnvironmentVariable("NEURALPOST_MODELS");
        _previousBenchmarksVariable = Environment.GetEnvironmentVariable("NEURALPOST_BENCHMARKS");
        Environment.SetEnvironmentVariable("NEURALPOST_MODELS", _manifest);
        // Card figures name their set; validate finds it under the benchmark root, here the temp folder.
        Environment.SetEnvironmentVariable("NEURALPOST_BENCHMARKS", _dir);
    }

    [TearDown]
    public void RestoreEnvironment()
    {
        Environment.SetEnvironmentVariable("NEURALPOST_MODELS", _previousManifestVariable);
        Environment.SetEnvironmentVariable("NEURALPOST_BENCHMARKS", _previousBenchmarksVariable);
    }

    [Test]
    public void ChartWithNoScoredModelWritesEmptyAxesInEveryFormatAsked()
    {
        var svg = Path.Combine(_dir, "chart.svg");
        var png = Path.Combine(_dir, "chart.png");
        var (code, stdout, err) = CliRunner.Run("models", "chart", "--out", svg, "--out", png);

        Assert.That(code, Is.Zero, err);
        Assert.That(stdout, Does.Contain(svg).And.Contain(png));
        Assert.That(File.ReadAllText(svg), Does.StartWith("<?xml").And.Contain("<svg"));
        Assert.That(ImageFile.Load(png).Width, Is.GreaterThan(100));
    }

    [Test]
    public void ChartToAnotherFormatIsAUsageError()
    {
        var (code, stdout, err) = CliRunner.Run("models", "chart", "--out", Path.Combine(_dir, "chart.jpg"));
        Assert.That((code, stdout), Is.EqualTo((2, "")), err);
        Assert.That(err, Does.Contain("must be .svg or .png"));
    }

    [Test]
    public void ValidatePassesOnAConsistentManifest()
    {
        var (code, stdout, err) = CliRunner.Run("models", "validate");
        Assert.That(code, Is.Zero, err);
        Assert.That(CliRunner.Lines(stdout).Count(l => l.StartsWith("ok", StringComparison.Ordinal)), Is.EqualTo(2));
    }

    [Test]
    public void ValidateFailsOnAStaleHashAndOnAWrongScale()
    {
        var text = File.ReadAllText(_manifest);
        var node = JsonNode.Parse(text)!;
        node["models"]![0]!["sha256"] = new string('0', 64);
        node["models"]![1]!["scale"] = 4;
        File.WriteAllText(_manifest, node.ToJsonString());

        var (code, stdout, err) = CliRunner.Run("models", "validate");

        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("FAIL test-nearest-x2").And.Contain("sha256"));
        Assert.That(stdout, Does.Contain("FAIL test-blur-x2").And.Contain("scale 4"));
        Assert.That(CliRunner.Lines(err), Has.Length.EqualTo(1));
    }

    [Test]
    public void EvalWritesCardFiguresThatValidateReproducesAndTamperingIsCaught()
    {
        var (code, stdout, err) = CliRunner.Run("eval", "--model", "test-blur-x2", "--set", _set, "--scale", "2", "--write-card");
        Assert.That(code, Is.Zero, err);
        Assert.That(stdout, Does.Contain("img_001").And.Contain("img_002").And.Contain("mean"));

        var card = JsonNode.Parse(File.ReadAllText(_manifest))!["models"]!.AsArray().Single(m => m!["id"]!.GetValue<string>() == "test-blur-x2")!;
        Assert.That(card["metrics"]!["TinySet"]!["psnr"]!.GetValue<double>(), Is.GreaterThan(0));
        Assert.That(card["input"]!["shape"], Is.Not.Null, "fields the reader does not model survive the rewrite");
        Assert.That(File.ReadAllText(_manifest), Does.Contain(") + nearest x2").And.Not.Contain("\\u002B"), "the rewrite keeps text readable");

        (code, stdout, err) = CliRunner.Run("models", "validate", "--eval");
        Assert.That(code, Is.Zero, err + stdout);
        Assert.That(stdout, Does.Contain("reproduced"));

        card["metrics"]!["TinySet"]!["psnr"] = card["metrics"]!["TinySet"]!["psnr"]!.GetValue<double>() + 0.5;
        var root = JsonNode.Parse(File.ReadAllText(_manifest))!;
        var models = root["models"]!.AsArray();
        models[models.Select((m, i) => (m, i)).Single(p => p.m!["id"]!.GetValue<string>() == "test-blur-x2").i] = card.DeepClone();
        File.WriteAllText(_manifest, root.ToJsonString());
        (code, stdout, _) = CliRunner.Run("models", "validate", "--eval");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(stdout, Does.Contain("FAIL test-blur-x2").And.Contain("TinySet PSNR"));
    }

    [Test]
    public void DehazeEvalWritesTheComparedNetworkIntoTheCard()
    {
        var root = JsonNode.Parse(File.ReadAllText(_manifest))!;
        foreach (var (id, factor) in new[] { ("haze-identity", 1f), ("haze-darken", 0.5f) })
        {
            File.WriteAllBytes(Path.Combine(_dir, "Testing", id + ".onnx"), Inference.TinyOnnxModel.Scale(factor, Inference.TinyOnnxModel.Float, 1L, 3L, "height", "width"));
            var card = root["models"]!.AsArray()[0]!.DeepClone();
            card["id"] = id;
            card["file"] = $"Testing/{id}.onnx";
            card["kind"] = "dehaze";
            card["scale"] = 1;
            card["sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(_dir, "Testing", id + ".onnx"))));
            root["models"]!.AsArray().Add(card);
        }

        File.WriteAllText(_manifest, root.ToJsonString());
        var pairs = Path.Combine(_dir, "TinyPairs");
        foreach (var side in new[] { "hazy", "clear" })
        {
            Directory.CreateDirectory(Path.Combine(pairs, side));
            var image = new Rgb8Image(32, 16);
            new Random(side.Length).NextBytes(image.Data);
            ImageFile.Save(image, Path.Combine(pairs, side, "p.png"));
        }

        var (code, stdout, err) = CliRunner.Run("eval", "--dehaze", "--model", "haze-identity", "--compare", "haze-darken", "--set", pairs, "--write-card");
        Assert.That(code, Is.Zero, err + stdout);
        var figures = JsonNode.Parse(File.ReadAllText(_manifest))!["models"]!.AsArray()
            .Single(m => m!["id"]!.GetValue<string>() == "haze-identity")!["metrics"]!["TinyPairs"]!;
        var compared = figures["compared"]?["haze-darken"];
        Assert.That(compared, Is.Not.Null, figures.ToJsonString());
        Assert.That(figures["psnr"]!.GetValue<double>(), Is.EqualTo(figures["hazyPsnr"]!.GetValue<double>()), "identity scores the hazy input");
        Assert.That(compared!["psnr"]!.GetValue<double>(), Is.Not.EqualTo(figures["psnr"]!.GetValue<double>()), "the compared network is scored, not copied");
    }

    [Test]
    public void EvalRejectsAScaleTheModelDoesNotHave()
    {
        var (code, _, err) = CliRunner.Run("eval", "--model", "test-nearest-x2", "--set", _set, "--scale", "3");
        Assert.That(code, Is.EqualTo(1));
        Assert.That(err, Does.Contain("scale 3"));
    }
}
