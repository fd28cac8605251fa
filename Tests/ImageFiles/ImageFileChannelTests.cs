using NeuralPost.ImageFiles;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.ImageFiles;

/// <summary><see cref="ImageFile.LoadWithInfo"/> says what a file held, and <see cref="ImageFile.Save(DecodedImage, string, ImageWriteOptions?)"/> writes it back.</summary>
internal sealed class ImageFileChannelTests : TempFolderTests
{
    [TestCase("out.png")]
    [TestCase("out.webp")]
    public void AnRgbaImageKeepsItsAlphaPlane(string name)
    {
        var path = Path.Combine(Folder, name);
        var image = ChannelFixtures.TransparentHole(9, 7, (2, 1, 6, 5));

        ImageFile.Save(image, path);
        var read = ImageFile.LoadWithInfo(path);

        Assert.That(read.Info, Is.EqualTo(new ImageFileInfo(ImageChannels.Rgba, 8)));
        Assert.That(read.Alpha, Is.EqualTo(image.Alpha));
        // Skia's lossless WebP encoder clears the colour of fully transparent pixels (it has no 'exact' option).
        var visible = Enumerable.Range(0, image.Alpha!.Length).Where(p => image.Alpha[p] != 0).ToArray();
        Assert.That(visible.Select(p => read.Rgb.Data[(p * 3)..][..3]), Is.EqualTo(visible.Select(p => image.Rgb.Data[(p * 3)..][..3])));
        Assert.That(ImageFile.Load(path).Data, Has.Length.EqualTo(9 * 7 * 3), "the RGB reader still works on it");
    }

    [Test]
    public void ColourUnderTransparentPixelsIsWrittenAsStoredNotPremultiplied()
    {
        var path = Path.Combine(Folder, "out.png");
        var image = ChannelFixtures.TransparentHole(9, 7, (2, 1, 6, 5));

        ImageFile.Save(image, path);

        Assert.That(ChannelFixtures.PngColourType(path), Is.EqualTo(6));
        Assert.That(ImageFile.LoadWithInfo(path).Rgb.Data, Is.EqualTo(image.Rgb.Data));
    }

    [Test]
    public void AnOpaqueRgbImageIsReportedAsRgbWithoutAlpha()
    {
        var path = Path.Combine(Folder, "out.png");
        ImageFile.Save(ImageFileFormatTests.Pattern(), path);

        var read = ImageFile.LoadWithInfo(path);

        Assert.That((read.Info, read.Alpha), Is.EqualTo((new ImageFileInfo(ImageChannels.Rgb, 8), (byte[]?)null)));
        Assert.That(ChannelFixtures.PngColourType(path), Is.EqualTo(2));
    }

    [TestCase("out.png")]
    [TestCase("out.jpg")]
    public void AGreyImageIsWrittenAsAOneChannelFileAndReadBackAsGrey(string name)
    {
        var path = Path.Combine(Folder, name);
        var image = ChannelFixtures.Grey(11, 5);

        ImageFile.Save(image, path);
        var read = ImageFile.LoadWithInfo(path);

        Assert.That(read.Info.Channels, Is.EqualTo(ImageChannels.Grey));
        var rgb = read.Rgb.Data;
        Assert.That(Enumerable.Range(0, rgb.Length / 3).All(p => rgb[p * 3] == rgb[p * 3 + 1] && rgb[p * 3] == rgb[p * 3 + 2]), "R = G = B");
        if (name.EndsWith(".png", StringComparison.Ordinal))
        {
            Assert.That(ChannelFixtures.PngColourType(path), Is.Zero);
            Assert.That(rgb, Is.EqualTo(image.Rgb.Data));
        }
    }

    [Test]
    public void AGreyImageIsWrittenAsTheRoundedMeanOfItsChannels()
    {
        var path = Path.Combine(Folder, "out.png");
        var rgb = new Rgb8Image(3, 1, [10, 11, 11, 0, 0, 2, 255, 254, 254]);

        ImageFile.Save(new DecodedImage(rgb, null, new ImageFileInfo(ImageChannels.Grey, 8)), path);

        Assert.That(ImageFile.Load(path).Data, Is.EqualTo(new byte[] { 11, 11, 11, 1, 1, 1, 254, 254, 254 }));
    }

    [Test]
    public void JpegDropsAlphaAndIsReadBackOpaque()
    {
        var path = Path.Combine(Folder, "out.jpg");

        ImageFile.Save(ChannelFixtures.TransparentHole(16, 16, (4, 4, 12, 12)), path);

        Assert.That(ImageFile.LoadWithInfo(path).Info.HasAlpha, Is.False);
    }

    [Test]
    public void ASixteenBitPngIsReportedAsSixteenBitAndReadByItsHighBytes()
    {
        var (png, high) = ChannelFixtures.Rgb16Png(5, 4);

        var read = ImageFile.DecodeWithInfo(png);

        Assert.That(read.Info, Is.EqualTo(new ImageFileInfo(ImageChannels.Rgb, 16)));
        Assert.That(read.Rgb.Data, Is.EqualTo(high.Data));
    }

    [Test]
    public void AGreyAlphaPngIsReportedWithItsAlpha()
    {
        var read = ImageFile.DecodeWithInfo(ChannelFixtures.GreyAlphaPng(6, 2));

        Assert.That(read.Info, Is.EqualTo(new ImageFileInfo(ImageChannels.GreyAlpha, 8)));
        Assert.That(read.Alpha, Is.EqualTo(new byte[] { 0, 0, 0, 255, 255, 255, 0, 0, 0, 255, 255, 255 }));
        Assert.That(read.Rgb.Data[..6], Is.EqualTo(new byte[] { 0, 0, 0, 10, 10, 10 }));
    }

    [Test]
    public void TheSizeLimitIsStillCheckedFromTheHeader()
    {
        var (png, _) = ChannelFixtures.Rgb16Png(5, 4);

        Assert.Throws<ImageTooLargeException>(() => ImageFile.DecodeWithInfo(png, "small", new ImageReadOptions { MaxPixels = 19 }));
    }
}
