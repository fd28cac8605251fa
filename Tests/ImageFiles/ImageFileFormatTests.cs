using NeuralPost.Imaging;
using NeuralPost.ImageFiles;
using NeuralPost.Tests.Imaging;

namespace NeuralPost.Tests.ImageFiles;

/// <summary>Formats: read by content whatever the name, written by extension, other extensions refused up front.</summary>
internal sealed class ImageFileFormatTests : TempFolderTests
{
    /// <summary>Gradients plus up to <paramref name="noise"/> levels of noise (0: smooth, what JPEG keeps well).</summary>
    internal static Rgb8Image Pattern(int noise = 8, int seed = 1)
    {
        const int width = 64, height = 48;
        var image = new Rgb8Image(width, height);
        var random = new Random(seed);
        for (int y = 0, i = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++, i += 3)
            {
                image.Data[i] = (byte)((x * 4) + random.Next(noise + 1));
                image.Data[i + 1] = (byte)((y * 5) + random.Next(noise + 1));
                image.Data[i + 2] = (byte)(((x + y) * 2) + random.Next(noise + 1));
            }
        }

        return image;
    }

    [TestCase("a.png")]
    [TestCase("a.PNG")]
    [TestCase("a.webp")]
    public void LosslessFormatsRoundTripExactly(string name)
    {
        var image = Pattern();
        string path = Path.Combine(Folder, name);
        ImageFile.Save(image, path);

        Assert.That(ImageFile.Load(path).Data, Is.EqualTo(image.Data));
    }

    [Test]
    public void JpegIsCloseAndQualityTradesSizeForError()
    {
        var image = Pattern(noise: 0);
        byte[] low = ImageFile.Encode(image, ImageFileFormat.Jpeg, new ImageWriteOptions { Quality = 30 });
        byte[] high = ImageFile.Encode(image, ImageFileFormat.Jpeg, new ImageWriteOptions { Quality = 95 });

        double lowPsnr = QualityMetrics.PsnrRgb(ImageFile.Decode(low), image, 0);
        double highPsnr = QualityMetrics.PsnrRgb(ImageFile.Decode(high), image, 0);
        Assert.That(high, Has.Length.GreaterThan(low.Length));
        Assert.That(highPsnr, Is.GreaterThan(lowPsnr + 3).And.GreaterThan(30));
        Assert.That(() => ImageFile.Encode(image, ImageFileFormat.Jpeg, new ImageWriteOptions { Quality = 0 }), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void ReadsByContentNotByName()
    {
        var image = Pattern(noise: 0);
        string jpegNamedPng = Path.Combine(Folder, "photo.png");
        string webpNamedJpg = Path.Combine(Folder, "photo.jpg");
        File.WriteAllBytes(jpegNamedPng, ImageFile.Encode(image, ImageFileFormat.Jpeg, new ImageWriteOptions { Quality = 100 }));
        File.WriteAllBytes(webpNamedJpg, ImageFile.Encode(image, ImageFileFormat.Webp));

        Assert.That(QualityMetrics.PsnrRgb(ImageFile.Load(jpegNamedPng), image, 0), Is.GreaterThan(35));
        Assert.That(ImageFile.Load(webpNamedJpg).Data, Is.EqualTo(image.Data));
    }

    [Test]
    public void ReadsBmpAndGifWrittenByPil()
    {
        string png = Path.Combine(Folder, "source.png");
        ImageFile.Save(Pattern(), png);
        const string script = """
            import sys
            im = PIL.Image.open(sys.argv[1])
            im.save(sys.argv[2])
            im.convert('P', palette=PIL.Image.ADAPTIVE, colors=64).save(sys.argv[3])
            print(PIL.Image.open(sys.argv[3]).convert('RGB').tobytes().hex())
            """;
        string bmp = Path.Combine(Folder, "x.bmp"), gif = Path.Combine(Folder, "x.gif");
        byte[] gifPixels = Convert.FromHexString(PngPython.Run("PIL.Image", script, png, bmp, gif).Trim());

        Assert.That(ImageFile.Load(bmp).Data, Is.EqualTo(ImageFile.Load(png).Data));
        Assert.That(ImageFile.Load(gif).Data, Is.EqualTo(gifPixels));
    }

    [Test]
    public void PilReadsWhatWeWrite()
    {
        var image = Pattern();
        string path = Path.Combine(Folder, "ours.png");
        ImageFile.Save(image, path);
        string output = PngPython.Run("PIL.Image",
            "im = PIL.Image.open(__import__('sys').argv[1]); print(im.size[0], im.size[1], im.mode, im.tobytes().hex())", path);

        Assert.That(output.Trim(), Is.EqualTo($"64 48 RGB {Convert.ToHexStringLower(image.Data)}"));
    }

    [TestCase(ImageFileFormat.Jpeg, "JPEG")]
    [TestCase(ImageFileFormat.Webp, "WebP")]
    public void TruncatedJpegAndWebpAreErrorsNotZeroFilledImages(ImageFileFormat format, string label)
    {
        byte[] file = ImageFile.Encode(Pattern(), format);
        var error = Assert.Throws<ImageFileException>(() => ImageFile.Decode(file[..(file.Length * 2 / 3)], "cut"))!;
        Assert.That(error.Message, Does.StartWith($"cut: truncated {label}").Or.StartWith("cut: truncated or corrupt image header"));
    }

    [TestCase("out.tiff")]
    [TestCase("out.bmp")]
    [TestCase("out")]
    [TestCase("out.png.txt")]
    public void OtherExtensionsAreAUsageErrorBeforeAnyWork(string name)
    {
        string path = Path.Combine(Folder, name);
        var error = Assert.Throws<UnsupportedImageFormatException>(() => ImageFile.Save(Pattern(), path))!;

        Assert.That(error, Is.InstanceOf<ArgumentException>());
        Assert.That(error.Message, Does.Contain(".png, .jpg, .jpeg or .webp"));
        Assert.That(ImageFileFormats.TryFromPath(path, out _), Is.False);
        Assert.That(Directory.GetFileSystemEntries(Folder), Is.Empty);
    }

    [TestCase("a.jpeg", ImageFileFormat.Jpeg)]
    [TestCase("dir.png/a.JPG", ImageFileFormat.Jpeg)]
    [TestCase("a.webp", ImageFileFormat.Webp)]
    [TestCase("a.png", ImageFileFormat.Png)]
    public void ExtensionPicksTheFormat(string path, ImageFileFormat format) =>
        Assert.That(ImageFileFormats.FromPath(path), Is.EqualTo(format));
}
