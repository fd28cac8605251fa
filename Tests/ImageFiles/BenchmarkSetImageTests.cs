using NeuralPost.ImageFiles;
using NeuralPost.Tests.Imaging;

namespace NeuralPost.Tests.ImageFiles;

/// <summary>The shared benchmark images must decode, match PIL and survive a PNG re-encode unchanged.</summary>
internal sealed class BenchmarkSetImageTests
{
    private static readonly (string Name, int Width, int Height)[] Set5HighRes =
    [
        ("img_001.png", 512, 512), ("img_002.png", 288, 288), ("img_003.png", 256, 256), ("img_004.png", 280, 280), ("img_005.png", 228, 344),
    ];

    private static string Set5 => Path.Combine(PngFixtures.Benchmarks, "Set5");

    [Test]
    public void Set5HighResImagesDecodeAndRoundTrip()
    {
        string dir = Path.Combine(Set5, "HR_x2");
        if (!Directory.Exists(dir))
        {
            Assert.Ignore($"the shared benchmarks are not checked out beside the repository ({dir} is missing)");
        }

        foreach ((string name, int width, int height) in Set5HighRes)
        {
            var image = ImageFile.Load(Path.Combine(dir, name));
            Assert.That((image.Width, image.Height), Is.EqualTo((width, height)), name);
            Assert.That(ImageFile.Decode(ImageFile.Encode(image)).Data, Is.EqualTo(image.Data), name);
        }
    }

    [Test]
    public void EveryBenchmarkImageMatchesPil()
    {
        // BenchmarkImages decodes the sets through ImageFile, so every score the tests check rests on this.
        string root = BenchmarkImages.Root;
        string[] files = [.. Directory.GetFiles(root, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        Assert.That(files, Has.Length.GreaterThan(100), "Set5 and Set14 at every scale");
        const string script = """
            import sys
            for path in sys.argv[1:]:
                im = PIL.Image.open(path).convert('RGB')
                print(im.size[0], im.size[1], __import__('hashlib').sha256(im.tobytes()).hexdigest())
            """;
        string[] lines = PngPython.Run("PIL.Image", script, files).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Has.Length.EqualTo(files.Length));
        for (int f = 0; f < files.Length; f++)
        {
            var image = ImageFile.Load(files[f]);
            string hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(image.Data));
            Assert.That(lines[f], Is.EqualTo($"{image.Width} {image.Height} {hash}"), files[f]);
        }
    }
}
