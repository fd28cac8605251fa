using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

internal sealed class ImageTensorTests
{
    [Test]
    public void ToTensorWritesPlanarChannelsDividedBy255()
    {
        var image = new Rgb8Image(2, 1, [255, 0, 51, 102, 153, 204]);

        float[] tensor = ImageTensor.ToTensor(image);

        Assert.That(tensor, Is.EqualTo(new[] { 1f, 102 / 255f, 0f, 153 / 255f, 51 / 255f, 204 / 255f }));
    }

    [Test]
    public void RoundTripOfEveryByteValueIsIdentity()
    {
        var data = new byte[256 * 2 * 3];
        for (int i = 0; i < 512; i++)
        {
            data[i * 3] = (byte)i;
            data[(i * 3) + 1] = (byte)(255 - (i % 256));
            data[(i * 3) + 2] = (byte)(i * 7);
        }

        var image = new Rgb8Image(128, 4, data);

        Rgb8Image back = ImageTensor.FromTensor(ImageTensor.ToTensor(image), 128, 4);

        Assert.That(back.Data, Is.EqualTo(data));
    }

    [Test]
    public void ExactHalfRoundsAwayFromZero() =>
        Assert.That(Convert(0.5f), Is.EqualTo(128)); // 0.5 * 255 = 127.5 exactly; truncation would give 127.

    [Test]
    public void ValuesStraddlingEveryHalfStepRoundToTheNearestByte()
    {
        for (int k = 0; k < 255; k++)
        {
            // The smallest float whose exact product with 255 reaches k + 0.5, and the float just below it.
            float above = (float)((k + 0.5) / 255.0);
            while ((double)above * 255.0 < k + 0.5)
            {
                above = MathF.BitIncrement(above);
            }

            while ((double)MathF.BitDecrement(above) * 255.0 >= k + 0.5)
            {
                above = MathF.BitDecrement(above);
            }

            float below = MathF.BitDecrement(above);
            Assert.That(Convert(below), Is.EqualTo(k), $"just below {k}.5");
            Assert.That(Convert(above), Is.EqualTo(k + 1), $"at or above {k}.5");
        }
    }

    [TestCase(-0.25f, 0)]
    [TestCase(-0f, 0)]
    [TestCase(1.5f, 255)]
    [TestCase(1f, 255)]
    [TestCase(float.NaN, 0)]
    [TestCase(float.PositiveInfinity, 255)]
    [TestCase(float.NegativeInfinity, 0)]
    [TestCase(0.999f, 255)]
    [TestCase(0.001f, 0)]
    [TestCase(0.003f, 1)]
    public void OutOfRangeAndSpecialValuesAreClamped(float value, int expected) =>
        Assert.That(Convert(value), Is.EqualTo(expected));

    [Test]
    public void EachPlaneLandsInItsChannel()
    {
        float[] tensor = [0.2f, 0.4f, 0f, 1f, 0.6f, 0.8f];

        Rgb8Image image = ImageTensor.FromTensor(tensor, 2, 1);

        Assert.That(image.Data, Is.EqualTo(new byte[] { 51, 0, 153, 102, 255, 204 }));
    }

    [Test]
    public void ShapeMismatchesAreRejected()
    {
        var image = new Rgb8Image(4, 3);

        Assert.That(() => ImageTensor.ToTensor(image, new float[35]), Throws.ArgumentException.With.Message.Contains("4x3"));
        Assert.That(() => ImageTensor.FromTensor(new float[37], image), Throws.ArgumentException.With.Message.Contains("3x3x4"));
        Assert.That(() => ImageTensor.FromTensor(new float[36], 3, 4), Throws.Nothing);
        Assert.That(() => ImageTensor.FromTensor(new float[36], 5, 3), Throws.ArgumentException);
    }

    private static int Convert(float value)
    {
        var tensor = new float[3];
        tensor[0] = value;
        tensor[1] = value;
        tensor[2] = value;
        Rgb8Image image = ImageTensor.FromTensor(tensor, 1, 1);
        Assert.That(image.Data[1], Is.EqualTo(image.Data[0]));
        return image.Data[0];
    }
}
