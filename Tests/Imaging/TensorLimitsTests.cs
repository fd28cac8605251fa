using NeuralPost.Core;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

internal sealed class TensorLimitsTests
{
    [Test]
    public void ImageLimitIsSixteenThousandSquaredAndSaysSo()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => TensorLimits.CheckImage(16384, 16384, "x2 of 8192x8192"), Throws.Nothing);
            Assert.That(() => TensorLimits.CheckImage(32768, 32768, "x4 of 8192x8192"),
                Throws.TypeOf<SizeLimitException>().With.Message.Contains("32768x32768").And.Message.Contains("268,435,456"));
            // Sides whose product overflows a long must still be refused, not wrap to a small number.
            Assert.That(() => TensorLimits.CheckImage(long.MaxValue / 2, 4, "huge"), Throws.TypeOf<SizeLimitException>());
        });
    }

    [Test]
    public void BoundTensorLimitIsTwoGibibytesOfFloats()
    {
        Assert.Multiple(() =>
        {
            // 3 x 8192 x 8192 floats = 768 MiB: within; 3 x 16384 x 16384 floats = 3 GiB: over.
            Assert.That(TensorLimits.CheckBoundTensor(8192, 8192, "tile"), Is.EqualTo(3 * 8192 * 8192));
            Assert.That(() => TensorLimits.CheckBoundTensor(16384, 16384, "tile"),
                Throws.TypeOf<SizeLimitException>().With.Message.Contains("3.00 GiB").And.Message.Contains("2 GiB"));
        });
    }
}
