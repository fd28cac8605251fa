using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

/// <summary>The shared Set5 benchmark images must decode, match PIL and survive a re-encode unchanged.</summary>
internal sealed class PngBenchmarkImageTests
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
            PngImage image = PngDecoder.Load(Path.Combine(dir, name));
            Assert.That((image.Width, image.Height, image.Channels, image.BitDepth), Is.EqualTo((width, height, PngColorKind.Rgb, 8)), name);

            Rgb8Image rgb = image.ToRgb8();
            Assert.That(PngDecoder.Decode(PngEncoder.Encode(rgb)).Samples, Is.EqualTo(rgb.Data), name);
        }
    }

    [Test]
    public void Set5ImagesMatchPil()
    {
        if (!Directory.Exists(Set5))
        {
            Assert.Ignore($"the shared benchmarks are not checked out beside the repository ({Set5} is missing)");
        }

        string[] files = [.. Directory.GetFiles(Set5, "*.png", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
        const string script = """
            import sys
            for path in sys.argv[1:]:
                im = PIL.Image.open(path).convert('RGB')
                data = im.tobytes()
                print(im.size[0], im.size[1], sum(data), sum(data[i] * (i % 251) for i in range(0, len(data), 7)))
            """;
        string[] lines = PngPython.Run("PIL.Image", script, files).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.That(lines, Has.Length.EqualTo(files.Length));
        for (int f = 0; f < files.Length; f++)
        {
            byte[] data = PngDecoder.Load(files[f]).ToRgb8().Data;
            long sum = 0, weighted = 0;
            for (int i = 0; i < data.Length; i++)
            {
                sum += data[i];
                weighted += i % 7 == 0 ? data[i] * (long)(i % 251) : 0;
            }

            var image = PngDecoder.Load(files[f]);
            Assert.That(lines[f], Is.EqualTo($"{image.Width} {image.Height} {sum} {weighted}"), files[f]);
        }
    }
}
