using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

/// <summary>Construction rules and cropping of <see cref="Rgb8Image"/>.</summary>
internal sealed class Rgb8ImageTests
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
}
