using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Effects.Upscale;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Effects.Upscale;

/// <summary>
/// Image borders through the offline (tiled) path with the shipped networks: a flat colour must come back flat,
/// which zero padding broke (a 1x1 (200,30,90) came back near (65,7,12) from imdn-rtc-x2), and wrap must keep a
/// tileable texture tileable.
/// </summary>
internal sealed class EdgePaddingTests : OrtTestFixture
{
    private const int Tolerance = 2; // levels of 255, at every pixel

    // every shipped network, read from the catalogue so that a new one is covered without editing this list
    private static readonly string[] SuperResolutionIds = TestManifests.ShippedSuperResolutionIds();

    private static readonly (byte R, byte G, byte B)[] Colours = [(200, 30, 90), (128, 128, 128), (10, 200, 40)];

    [TestCaseSource(nameof(SuperResolutionIds))]
    public void FlatColoursComeBackFlatAtEverySize(string id)
    {
        var manifest = TestManifests.Repository();
        var card = manifest.Get(id);
        using var model = ImageNetwork.Load(Ort, manifest.ResolveVerifiedFile(card), expectedScale: card.Scale);
        var upscaler = new TiledUpscaler(model, EdgePadding.For(card));
        Assert.Multiple(() =>
        {
            foreach (var (width, height) in new[] { (1, 1), (2, 3), (7, 5), (64, 64) })
            {
                foreach (var colour in Colours)
                {
                    var output = upscaler.Upscale(Flat(width, height, colour), tileSize: 0, overlap: 0);
                    Assert.That(MaxDeviation(output, colour), Is.LessThanOrEqualTo(Tolerance), $"{id} {width}x{height} {colour}");
                }
            }
        });
    }

    [Test]
    public void WithoutTheBorderTheNetworksZeroPaddingDarkensATinyImage()
    {
        // The failure the border exists for, so the test above can fail: the network's own padding reads as black.
        var manifest = TestManifests.Repository();
        var card = manifest.Get("imdn-rtc-x2");
        using var model = ImageNetwork.Load(Ort, manifest.ResolveVerifiedFile(card), expectedScale: 2);
        var output = new TiledUpscaler(model, EdgePadding.None).Upscale(Flat(1, 1, (200, 30, 90)), tileSize: 0, overlap: 0);
        Assert.That(MaxDeviation(output, (200, 30, 90)), Is.GreaterThan(50));
    }

    [Test]
    public void TiledWithTheBorderEqualsWholeImage()
    {
        var manifest = TestManifests.Repository();
        var card = manifest.Get("imdn-rtc-x2");
        using var model = ImageNetwork.Load(Ort, manifest.ResolveVerifiedFile(card), expectedScale: 2);
        var upscaler = new TiledUpscaler(model, EdgePadding.For(card));
        var image = Effects.GlPixels.Random(40, 31, seed: 7);
        var whole = upscaler.Upscale(image, tileSize: 0, overlap: 0);
        var tiled = upscaler.Upscale(image, tileSize: 16, overlap: card.ReceptiveField ?? 16);
        Assert.That(Effects.GlPixels.MaxDifference(tiled, whole), Is.LessThanOrEqualTo(1));
    }

    [TestCase(EdgeMode.Wrap, 1)]
    [TestCase(EdgeMode.Replicate, 255)]
    public void WrapKeepsATileableTextureTileable(EdgeMode mode, int allowed)
    {
        // The upscaled tile must equal the middle of the upscaled 3x3 repetition of it, where every edge has real
        // neighbours; with replicate the edges differ (the bound of 255 only records that it runs).
        var manifest = TestManifests.Repository();
        var card = manifest.Get("imdn-rtc-x2");
        using var model = ImageNetwork.Load(Ort, manifest.ResolveVerifiedFile(card), expectedScale: 2);
        var tile = Effects.GlPixels.Random(24, 20, seed: 8);
        var upscaler = new TiledUpscaler(model, new EdgePadding(24, mode));
        var alone = upscaler.Upscale(tile, tileSize: 0, overlap: 0);
        var repeated = new TiledUpscaler(model, new EdgePadding(24, EdgeMode.Wrap)).Upscale(Repeat3x3(tile), tileSize: 0, overlap: 0);
        var middle = CropMiddle(repeated, alone.Width, alone.Height);
        var difference = Effects.GlPixels.MaxDifference(alone, middle);
        Assert.That(difference, Is.LessThanOrEqualTo(allowed));
        if (mode == EdgeMode.Replicate)
        {
            Assert.That(difference, Is.GreaterThan(1), "replicate breaks the repetition, so wrap is what keeps it");
        }
    }

    internal static Rgb8Image Flat(int width, int height, (byte R, byte G, byte B) colour)
    {
        var image = new Rgb8Image(width, height);
        for (var i = 0; i < width * height; i++)
        {
            image.Data[3 * i] = colour.R;
            image.Data[3 * i + 1] = colour.G;
            image.Data[3 * i + 2] = colour.B;
        }

        return image;
    }

    internal static int MaxDeviation(Rgb8Image image, (byte R, byte G, byte B) colour)
    {
        var max = 0;
        for (var i = 0; i < image.Width * image.Height; i++)
        {
            max = Math.Max(max, Math.Abs(image.Data[3 * i] - colour.R));
            max = Math.Max(max, Math.Abs(image.Data[3 * i + 1] - colour.G));
            max = Math.Max(max, Math.Abs(image.Data[3 * i + 2] - colour.B));
        }

        return max;
    }

    private static Rgb8Image Repeat3x3(Rgb8Image tile)
    {
        var result = new Rgb8Image(tile.Width * 3, tile.Height * 3);
        for (var y = 0; y < result.Height; y++)
        {
            Array.Copy(tile.Data, (y % tile.Height) * tile.Stride, result.Data, y * result.Stride, tile.Stride);
            Array.Copy(tile.Data, (y % tile.Height) * tile.Stride, result.Data, y * result.Stride + tile.Stride, tile.Stride);
            Array.Copy(tile.Data, (y % tile.Height) * tile.Stride, result.Data, y * result.Stride + 2 * tile.Stride, tile.Stride);
        }

        return result;
    }

    private static Rgb8Image CropMiddle(Rgb8Image image, int width, int height)
    {
        var result = new Rgb8Image(width, height);
        for (var y = 0; y < height; y++)
        {
            Array.Copy(image.Data, (y + height) * image.Stride + width * 3, result.Data, y * result.Stride, width * 3);
        }

        return result;
    }
}
