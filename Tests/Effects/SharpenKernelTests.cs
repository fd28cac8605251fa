using NeuralPost.Effects;
using NeuralPost.Graphics;
using NeuralPost.Imaging;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Effects;

[NonParallelizable]
internal sealed class SharpenKernelTests
{
    [Test]
    public void AmountZeroIsTheIdentity()
    {
        var image = GlPixels.Random(17, 9, seed: 5);
        Assert.That(Sharpen(image, 0f).Data, Is.EqualTo(image.Data));
    }

    [Test]
    public void AmountOneSteepensASoftEdge()
    {
        // A soft step (an S-curve across columns): the sharpen should push the shoulders apart.
        byte[] profile = [50, 50, 60, 120, 180, 190, 190, 190];
        var image = new Rgb8Image(profile.Length, 4);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                image.Data.AsSpan((y * image.Width + x) * 3, 3).Fill(profile[x]);
            }
        }

        var sharpened = Sharpen(image, 1f);

        var row = 1 * image.Width * 3;
        Assert.Multiple(() =>
        {
            Assert.That(sharpened.Data[row + 2 * 3], Is.LessThan(60), "the dark shoulder gets darker");
            Assert.That(sharpened.Data[row + 4 * 3], Is.GreaterThan(180), "the bright shoulder gets brighter");
            Assert.That(sharpened.Data[row + 4 * 3] - sharpened.Data[row + 2 * 3], Is.GreaterThan(180 - 60), "local contrast grows");
            AssertWithinNeighbourhood(image, sharpened);
        });
    }

    [Test]
    public void AmountOneNeverLeavesTheNeighbourhoodRange()
    {
        var image = GlPixels.Random(23, 19, seed: 6);
        var sharpened = Sharpen(image, 1f);
        Assert.That(GlPixels.MaxDifference(image, sharpened), Is.GreaterThan(0), "noise has room to sharpen");
        AssertWithinNeighbourhood(image, sharpened);
    }

    private static Rgb8Image Sharpen(Rgb8Image image, float amount)
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var kernels = new FrameKernels(device);
        using var source = device.CreateTexture(image.Width, image.Height, TextureFormat.Rgba8);
        using var target = device.CreateTexture(image.Width, image.Height, TextureFormat.Rgba8);
        GlPixels.Upload(source, image);
        kernels.Sharpen(source, target, amount);
        return GlPixels.Download(target);
    }

    /// <summary>Every output channel lies within the min/max of the input's 3x3 neighbourhood (clamped at edges).</summary>
    private static void AssertWithinNeighbourhood(Rgb8Image input, Rgb8Image output)
    {
        var violations = 0;
        for (var y = 0; y < input.Height; y++)
        {
            for (var x = 0; x < input.Width; x++)
            {
                for (var c = 0; c < 3; c++)
                {
                    int lo = 255, hi = 0;
                    for (var dy = -1; dy <= 1; dy++)
                    {
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            var sx = Math.Clamp(x + dx, 0, input.Width - 1);
                            var sy = Math.Clamp(y + dy, 0, input.Height - 1);
                            var v = input.Data[(sy * input.Width + sx) * 3 + c];
                            lo = Math.Min(lo, v);
                            hi = Math.Max(hi, v);
                        }
                    }

                    var o = output.Data[(y * input.Width + x) * 3 + c];
                    if (o < lo || o > hi)
                    {
                        violations++;
                    }
                }
            }
        }

        Assert.That(violations, Is.Zero, "output values outside their 3x3 neighbourhood's range");
    }
}
