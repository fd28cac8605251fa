using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

/// <summary>Construction rules and conversions of <see cref="PngImage"/> and <see cref="Rgb8Image"/>.</summary>
internal sealed class PngImageTests
{
    [Test]
    public void Rgb8ImageValidatesItsArguments()
    {
        Assert.That(() => new Rgb8Image(0, 5), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new Rgb8Image(5, -1), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new Rgb8Image(2, 2, new byte[11]), Throws.ArgumentException);
        Assert.That(() => new Rgb8Image(50000, 50000), Throws.TypeOf<ArgumentOutOfRangeException>());

        var image = new Rgb8Image(4, 3);
        Assert.That((image.Width, image.Height, image.Stride, image.Data.Length), Is.EqualTo((4, 3, 12, 36)));
        Assert.That(image.Data, Is.All.Zero);
    }

    [Test]
    public void CropKeepsTheTopLeftPixels()
    {
        var image = new Rgb8Image(4, 3);
        for (var i = 0; i < image.Data.Length; i++)
        {
            image.Data[i] = (byte)i;
        }

        var crop = image.Crop(2, 2);
        Assert.That((crop.Width, crop.Height), Is.EqualTo((2, 2)));
        Assert.That(crop.Data, Is.EqualTo(new byte[] { 0, 1, 2, 3, 4, 5, 12, 13, 14, 15, 16, 17 }));
        Assert.That(() => image.Crop(5, 1), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => image.Crop(1, 0), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void PngImageValidatesItsArguments()
    {
        Assert.That(() => new PngImage(2, 2, PngColorKind.Rgb, 12, new byte[12]), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new PngImage(2, 2, (PngColorKind)5, 8, new byte[20]), Throws.TypeOf<ArgumentOutOfRangeException>());
        Assert.That(() => new PngImage(2, 2, PngColorKind.Rgba, 16, new byte[31]), Throws.ArgumentException);
        Assert.That(new PngImage(2, 2, PngColorKind.Rgba, 16, new byte[32]).Stride, Is.EqualTo(16));
    }

    [Test]
    public void GreyIsReplicatedAndAlphaDropped()
    {
        var image = new PngImage(2, 1, PngColorKind.GrayAlpha, 8, [10, 0, 200, 255]);
        Assert.That(image.ToRgb8().Data, Is.EqualTo(new byte[] { 10, 10, 10, 200, 200, 200 }));

        var rgba = new PngImage(1, 1, PngColorKind.Rgba, 8, [1, 2, 3, 0]);
        Assert.That(rgba.ToRgb8().Data, Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public void SixteenBitSamplesRoundToEightBits()
    {
        // 0x8080 = 32896 -> 128 exactly; 0x807F is just below and 128.499 rounds down; k*257 maps to k.
        var image = new PngImage(2, 1, PngColorKind.Rgb, 16, [0xFF, 0xFF, 0x80, 0x80, 0x00, 0x00, 0x0A, 0x0A, 0x01, 0x7F, 0x00, 0x80]);
        Assert.That(image.ToRgb8().Data, Is.EqualTo(new byte[] { 255, 128, 0, 10, 1, 0 }));
    }

    [Test]
    public void FromRgb8CopiesThePixels()
    {
        var rgb = new Rgb8Image(2, 1, [1, 2, 3, 4, 5, 6]);
        PngImage image = PngImage.FromRgb8(rgb);
        rgb.Data[0] = 99;

        Assert.That((image.Channels, image.BitDepth, image.Samples[0]), Is.EqualTo((PngColorKind.Rgb, 8, (byte)1)));
    }
}
