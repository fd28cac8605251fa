using System.Runtime.InteropServices;
using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Graphics;
using NeuralPost.Imaging;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Effects;

/// <summary>
/// The image/tensor kernels against the CPU reference <see cref="ImageTensor"/>. Images go in the way a camera's
/// render target holds them (GL rows bottom-up, top row at texel row height-1); tensor row 0 must be the top row.
/// </summary>
[NonParallelizable]
internal sealed class TensorKernelTests
{
    private const float OneLevel = 1f / 255f;

    [Test]
    public void ImageToTensorMatchesImageTensorWithTheTopRowFirst()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var kernels = new FrameKernels(device);
        var image = GlPixels.Random(13, 7, seed: 1);
        using var texture = device.CreateTexture(image.Width, image.Height, TextureFormat.Rgba8);
        GlPixels.Upload(texture, image);
        var layout = TensorLayout.Exact(image.Width, image.Height);
        using var tensor = device.CreateStorageBuffer(layout.ByteSize);

        kernels.ImageToTensor(texture, tensor, layout);

        var actual = Download(tensor, layout.FloatCount);
        var expected = ImageTensor.ToTensor(image);
        Assert.That(MaxAbsDifference(actual, expected), Is.LessThanOrEqualTo(OneLevel));
    }

    [Test]
    public void ImageToTensorPadsByRepeatingTheEdges()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var kernels = new FrameKernels(device);
        var image = GlPixels.Random(5, 3, seed: 2);
        using var texture = device.CreateTexture(image.Width, image.Height, TextureFormat.Rgba8);
        GlPixels.Upload(texture, image);
        var layout = TensorLayout.Padded(image.Width, image.Height, 4);
        Assert.That((layout.TensorWidth, layout.TensorHeight), Is.EqualTo((8, 4)));
        using var tensor = device.CreateStorageBuffer(layout.ByteSize);

        kernels.ImageToTensor(texture, tensor, layout);

        var actual = Download(tensor, layout.FloatCount);
        var expected = new float[layout.FloatCount];
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < layout.TensorHeight; y++)
            {
                for (var x = 0; x < layout.TensorWidth; x++)
                {
                    var source = (Math.Min(y, image.Height - 1) * image.Width + Math.Min(x, image.Width - 1)) * 3 + c;
                    expected[c * layout.PlaneStride + y * layout.TensorWidth + x] = image.Data[source] / 255f;
                }
            }
        }

        Assert.That(MaxAbsDifference(actual, expected), Is.LessThanOrEqualTo(OneLevel));
    }

    [TestCase(EdgeMode.Replicate)]
    [TestCase(EdgeMode.Wrap)]
    public void ImageToTensorFillsTheBorderByTheEdgeMode(EdgeMode mode)
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var kernels = new FrameKernels(device);
        var image = GlPixels.Random(5, 3, seed: 5);
        using var texture = device.CreateTexture(image.Width, image.Height, TextureFormat.Rgba8);
        GlPixels.Upload(texture, image);
        var layout = TensorLayout.Bordered(image.Width, image.Height, border: 4, multiple: 8);
        Assert.That((layout.TensorWidth, layout.TensorHeight), Is.EqualTo((16, 16)), "5+8 and 3+8 rounded up to 8");
        using var tensor = device.CreateStorageBuffer(layout.ByteSize);

        kernels.ImageToTensor(texture, tensor, layout, mode);

        // The border is wider than the image is tall, so wrap must go round more than once.
        var edges = new EdgePadding(layout.Border, mode);
        var actual = Download(tensor, layout.FloatCount);
        var expected = new float[layout.FloatCount];
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < layout.TensorHeight; y++)
            {
                for (var x = 0; x < layout.TensorWidth; x++)
                {
                    var source = (edges.Map(y - 4, image.Height) * image.Width + edges.Map(x - 4, image.Width)) * 3 + c;
                    expected[c * layout.PlaneStride + y * layout.TensorWidth + x] = image.Data[source] / 255f;
                }
            }
        }

        Assert.That(MaxAbsDifference(actual, expected), Is.LessThanOrEqualTo(OneLevel));
    }

    [Test]
    public void ABorderedTensorRoundTripsToTheImageWithTheBorderCropped()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var kernels = new FrameKernels(device);
        var image = GlPixels.Random(9, 10, seed: 6);
        using var source = device.CreateTexture(image.Width, image.Height, TextureFormat.Rgba8);
        using var target = device.CreateTexture(image.Width, image.Height, TextureFormat.Rgba8);
        GlPixels.Upload(source, image);
        var layout = TensorLayout.Bordered(image.Width, image.Height, border: 3, multiple: 4);
        using var tensor = device.CreateStorageBuffer(layout.ByteSize);

        kernels.ImageToTensor(source, tensor, layout);
        kernels.TensorToImage(tensor, layout, target);

        Assert.That(GlPixels.Download(target).Data, Is.EqualTo(image.Data));
    }

    [TestCase(TextureFormat.Rgba8)]
    [TestCase(TextureFormat.Rgba16F)]
    public void TensorToImageMatchesImageTensorWithTheTopRowFirst(TextureFormat format)
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var kernels = new FrameKernels(device);
        const int width = 11, height = 6;
        var layout = TensorLayout.Exact(width, height);
        var values = new float[layout.FloatCount];
        var random = new Random(3);
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (float)(random.NextDouble() * 1.4 - 0.2); // out of range on both sides too: must clamp
        }

        using var tensor = device.CreateStorageBuffer(layout.ByteSize);
        tensor.Upload(MemoryMarshal.AsBytes(values.AsSpan()));
        using var target = device.CreateTextureRenderTarget(width, height, format, withDepth: false);
        using var readable = device.CreateTextureRenderTarget(width, height, TextureFormat.Rgba8, withDepth: false);

        kernels.TensorToImage(tensor, layout, target.Color);
        device.Blit(target, readable, BlitFilter.Nearest);

        var expected = ImageTensor.FromTensor(values, width, height);
        Assert.That(GlPixels.MaxDifference(GlPixels.Download(readable.Color), expected), Is.LessThanOrEqualTo(1));
    }

    [Test]
    public void ImageToTensorToImageRoundTripsExactly()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var kernels = new FrameKernels(device);
        var image = GlPixels.Random(9, 10, seed: 4);
        using var source = device.CreateTexture(image.Width, image.Height, TextureFormat.Rgba8);
        using var target = device.CreateTexture(image.Width, image.Height, TextureFormat.Rgba8);
        GlPixels.Upload(source, image);
        var layout = TensorLayout.Exact(image.Width, image.Height);
        using var tensor = device.CreateStorageBuffer(layout.ByteSize);

        kernels.ImageToTensor(source, tensor, layout);
        kernels.TensorToImage(tensor, layout, target);

        Assert.That(GlPixels.Download(target).Data, Is.EqualTo(image.Data));
    }

    private static float[] Download(IStorageBuffer buffer, int count)
    {
        var values = new float[count];
        buffer.Download(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    private static float MaxAbsDifference(float[] a, float[] b)
    {
        Assert.That(a, Has.Length.EqualTo(b.Length));
        var max = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
