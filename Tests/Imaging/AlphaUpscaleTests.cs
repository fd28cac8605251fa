using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

internal sealed class AlphaUpscaleTests
{
    [Test]
    public void AHardEdgeIsSoftenedByOnePixelAndItsOvershootClamped()
    {
        byte[] step = [0, 0, 0, 0, 255, 255, 255, 255];

        var result = AlphaUpscale.Bicubic(step, 8, 1, 2);

        // Output 7 (centre 3.25) weighs the opaque samples 4 and 5 by 0.2265625 - 0.0234375 = 0.203125: 51.8.
        // Output 8 (centre 3.75) by 0.8671875 - 0.0703125 = 0.796875: 203.2. Outputs 6 and 9 reach one opaque
        // (transparent) sample through the negative lobe, -0.0703125: -17.9 and 272.9, clamped.
        byte[] row = [0, 0, 0, 0, 0, 0, 0, 52, 203, 255, 255, 255, 255, 255, 255, 255];
        Assert.That(result, Is.EqualTo(row.Concat(row).ToArray()));
    }

    [TestCase(1)]
    [TestCase(3)]
    public void AFlatPlaneStaysExactlyFlat(int factor)
    {
        var result = AlphaUpscale.Bicubic(Enumerable.Repeat((byte)77, 15).ToArray(), 5, 3, factor);

        Assert.That(result, Has.Length.EqualTo(15 * factor * factor).And.All.EqualTo(77));
    }

    [Test]
    public void APlaneOfTheWrongSizeIsRefused() =>
        Assert.Throws<ArgumentException>(() => AlphaUpscale.Bicubic(new byte[5], 2, 3, 2));
}
