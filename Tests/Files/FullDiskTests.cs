using System.Text.Json.Nodes;
using NeuralPost.Core;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;
using NeuralPost.Tests.Editor;

namespace NeuralPost.Tests.Files;

/// <summary>
/// A full disk fails the write with an error naming the output, and leaves the existing good file as it was and
/// no temporary file behind: for every kind of output (image, chart, model manifest).
/// </summary>
[NonParallelizable]
internal sealed class FullDiskTests
{
    private TinyFileSystem? _disk;

    private TinyFileSystem Disk => _disk!;

    [SetUp]
    public void Mount() => _disk = TinyFileSystem.MountOrIgnore(kilobytes: 64);

    [TearDown]
    public void Unmount() => _disk?.Dispose();

    [Test]
    public void AnImageTooLargeForTheDiskKeepsTheOldImage()
    {
        var path = Path.Combine(Disk.Root, "out.png");
        ImageFile.Save(new Rgb8Image(4, 4), path);
        var old = File.ReadAllBytes(path);
        var noise = new Rgb8Image(256, 256);
        new Random(3).NextBytes(noise.Data);

        Assert.That(() => ImageFile.Save(noise, path),
            Throws.InstanceOf<IOException>().With.Message.Contains($"cannot write {path}: No space left on device")
                .And.Message.Contains("the existing file is unchanged").And.Message.Not.Contains(".tmp"));

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(old));
        Assert.That(Disk.Names(), Is.EqualTo(new[] { "out.png" }), "no temporary file is left");
    }

    [Test]
    public void AManifestRewriteOnAFullDiskKeepsTheOldManifest()
    {
        var path = Path.Combine(Disk.Root, "models.json");
        var shipped = JsonNode.Parse(File.ReadAllText(TestPaths.Manifest))!;
        var kept = new JsonArray(shipped["models"]!.AsArray().Where(m => m!["id"]!.GetValue<string>() == "test-nearest-x2").Select(m => m!.DeepClone()).ToArray());
        File.WriteAllText(path, new JsonObject { ["schemaVersion"] = 1, ["models"] = kept }.ToJsonString());
        var old = File.ReadAllBytes(path);
        var manifest = ModelManifest.Load(path);
        Disk.Fill();

        // Pages, not bytes, fill a tmpfs: the card added must outgrow the pages the old file frees when truncated.
        var longer = manifest.Get("test-nearest-x2") with { Id = "test-nearest-x2-again", File = new string('x', 16 * 1024) + ".onnx" };
        Assert.That(() => manifest.WithCard(longer),
            Throws.InstanceOf<IOException>().With.Message.Contains($"cannot write {path}").And.Message.Contains("the existing file is unchanged"));

        Assert.That(File.ReadAllBytes(path), Is.EqualTo(old), "the manifest is not truncated");
        Assert.That(ModelManifest.Load(path).Contains("test-nearest-x2"));
        Assert.That(Disk.Names(), Is.EqualTo(new[] { "models.json" }));
    }

    [Test]
    public void AChartOnAFullDiskIsAOneLineErrorAndKeepsTheOldChart()
    {
        var path = Path.Combine(Disk.Root, "chart.svg");
        File.WriteAllText(path, "<svg>old</svg>");
        Disk.Fill();

        var (code, stdout, err) = CliRunner.Run("models", "chart", "--out", path);

        Assert.That(code, Is.EqualTo(1), stdout + err);
        Assert.That(CliRunner.Lines(err), Is.EqualTo(new[] { $"neuralpost: error: cannot write {path}: No space left on device; the existing file is unchanged" }));
        Assert.That(File.ReadAllText(path), Is.EqualTo("<svg>old</svg>"));
        Assert.That(Disk.Names(), Is.EqualTo(new[] { "chart.svg" }));
    }
}
