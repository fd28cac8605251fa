using System.Text.Json.Nodes;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Editor;

/// <summary>
/// A flat image that test-nearest-x2 reproduces exactly has an infinite PSNR: it is left out of the mean with a
/// note naming it, and no card ever receives a non-finite figure.
/// </summary>
internal sealed class CliEvalFlatImageTests
{
    private string _set = "";
    private ManifestCopy? _manifestCopy;

    private string ManifestPath => _manifestCopy!.Path;

    [SetUp]
    public void CreateSetAndManifestCopy()
    {
        _set = TestPaths.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(_set, "HR_x2"));
        Directory.CreateDirectory(Path.Combine(_set, "LR_x2"));

        // --write-card writes the manifest, so it works on a copy beside a copy of the one model it needs.
        _manifestCopy = new ManifestCopy();
    }

    [TearDown]
    public void RestoreManifest() => _manifestCopy?.Dispose();

    private void AddFlat(string name)
    {
        var high = new Rgb8Image(16, 16);
        Array.Fill(high.Data, (byte)128);
        var low = new Rgb8Image(8, 8);
        Array.Fill(low.Data, (byte)128);
        ImageFile.Save(high, Path.Combine(_set, "HR_x2", name));
        ImageFile.Save(low, Path.Combine(_set, "LR_x2", name));
    }

    private void AddTextured(string name)
    {
        var high = new Rgb8Image(16, 16);
        new Random(9).NextBytes(high.Data);
        var low = new Rgb8Image(8, 8);
        new Random(10).NextBytes(low.Data);
        ImageFile.Save(high, Path.Combine(_set, "HR_x2", name));
        ImageFile.Save(low, Path.Combine(_set, "LR_x2", name));
    }

    private JsonNode? CardMetrics() =>
        JsonNode.Parse(File.ReadAllText(ManifestPath))!["models"]!.AsArray()
            .Single(card => (string?)card!["id"] == "test-nearest-x2")!["metrics"]?[Path.GetFileName(_set)];

    [Test]
    public void FlatImageIsLeftOutOfTheMeanAndTheCardGetsFiniteFigures()
    {
        AddFlat("flat.png");
        AddTextured("texture.png");

        var (code, stdout, err) = CliRunner.Run("eval", "--model", "test-nearest-x2", "--set", _set, "--write-card");

        Assert.That(code, Is.Zero, err);
        var mean = CliRunner.Lines(stdout).Single(line => line.StartsWith("mean", StringComparison.Ordinal));
        var texture = CliRunner.Lines(stdout).Single(line => line.StartsWith("texture", StringComparison.Ordinal));
        Assert.Multiple(() =>
        {
            Assert.That(mean, Does.Not.Contain("Infinity").And.Not.Contain("NaN"));
            // Left out, the mean is the textured image's own figures.
            Assert.That(mean.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], Is.EqualTo(texture.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2]));
            Assert.That(err, Does.Contain("eval: flat left out of the mean: its PSNR is infinite"));
            Assert.That(double.IsFinite((double)CardMetrics()!["psnr"]!), Is.True);
        });
    }

    [Test]
    public void SetOfOnlyFlatImagesHasNoMeanAndWritesNoCard()
    {
        AddFlat("flat.png");
        var before = File.ReadAllText(ManifestPath);

        var (code, _, err) = CliRunner.Run("eval", "--model", "test-nearest-x2", "--set", _set, "--write-card");

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(1), err);
            Assert.That(err, Does.Contain("neuralpost: error: no image of").And.Contain("has a finite PSNR"));
            Assert.That(File.ReadAllText(ManifestPath), Is.EqualTo(before));
        });
    }
}
