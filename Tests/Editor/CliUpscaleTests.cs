using NeuralPost.ImageFiles;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Editor;

internal sealed class CliUpscaleTests
{
    [Test]
    public void UpscalesAPngInTilesToTheExactNearestNeighbourResult()
    {
        var dir = TestPaths.NewTempDirectory();
        var image = new Rgb8Image(37, 23);
        new Random(6).NextBytes(image.Data);
        var input = Path.Combine(dir, "in.png");
        var output = Path.Combine(dir, "out.png");
        ImageFile.Save(image, input);

        var (code, stdout, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", "--tile", "8", input, output);

        Assert.That(code, Is.Zero, err);
        Assert.That(stdout, Does.Contain("37x23 -> 74x46").And.Contain("tile(s)"));
        var result = ImageFile.Load(output);
        Assert.That((result.Width, result.Height), Is.EqualTo((74, 46)));
        for (var y = 0; y < 46; y++)
        {
            for (var x = 0; x < 74; x++)
            {
                var expected = image.Data.AsSpan(((y / 2) * 37 + x / 2) * 3, 3).ToArray();
                var actual = result.Data.AsSpan((y * 74 + x) * 3, 3).ToArray();
                Assert.That(actual, Is.EqualTo(expected), $"pixel {x},{y}");
            }
        }
    }

    [Test]
    public void ReadsAJpegNamedPngAndWritesTheFormatTheOutputNames()
    {
        var dir = TestPaths.NewTempDirectory();
        var image = new Rgb8Image(16, 12);
        Array.Fill(image.Data, (byte)120);
        var input = Path.Combine(dir, "really-a-jpeg.png");
        File.WriteAllBytes(input, ImageFile.Encode(image, ImageFileFormat.Jpeg));
        var output = Path.Combine(dir, "out.webp");

        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", input, output);

        Assert.That(code, Is.Zero, err);
        Assert.That(File.ReadAllBytes(output)[8..12], Is.EqualTo("WEBP"u8.ToArray()));
        var result = ImageFile.Load(output);
        Assert.That((result.Width, result.Height), Is.EqualTo((32, 24)));
        Assert.That(result.Data, Is.All.InRange(118, 122), "a flat JPEG stays flat");
    }

    [Test]
    public void UpscalesABenchmarkImageToItsHighResolutionSize()
    {
        var set5 = Path.Combine(TestPaths.BenchmarksOrIgnore(), "Set5");
        var output = Path.Combine(TestPaths.NewTempDirectory(), "baby_x2.png");
        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2",
            Path.Combine(set5, "LR_x2", "img_001.png"), output);
        Assert.That(code, Is.Zero, err);
        var high = ImageFile.Load(Path.Combine(set5, "HR_x2", "img_001.png"));
        var result = ImageFile.Load(output);
        Assert.That((result.Width, result.Height), Is.EqualTo((high.Width, high.Height)));
    }

    [Test]
    public void InfoShowsTheSignatureAndTheObservedScale()
    {
        var (code, stdout, err) = CliRunner.Run("info", "test-nearest-x4");
        Assert.That(code, Is.Zero, err);
        Assert.That(stdout, Does.Contain("input:     input Float [1, 3, height, width]"));
        Assert.That(stdout, Does.Contain("upscales x4"));
    }

    [Test]
    public void InfoExplainsWhyAModelIsNotAnImageModel()
    {
        var (code, stdout, err) = CliRunner.Run("info", TestPaths.TestModel("test-gray-input"));
        Assert.That(code, Is.Zero, err);
        Assert.That(stdout, Does.Contain("not an image model"));
    }
}
