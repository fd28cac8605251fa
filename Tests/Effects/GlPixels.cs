using NeuralPost.Graphics;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Effects;

/// <summary>
/// Moves <see cref="Rgb8Image"/>s (row 0 = top) in and out of RGBA8 textures the way a camera's render target holds
/// them: GL rows bottom-up, so the image's top row is texel row height-1. Alpha is written as 255.
/// </summary>
internal static class GlPixels
{
    public static Rgb8Image Random(int width, int height, int seed)
    {
        var image = new Rgb8Image(width, height);
        new Random(seed).NextBytes(image.Data);
        return image;
    }

    public static byte[] ToBottomUpRgba(Rgb8Image image)
    {
        var rgba = new byte[image.Width * image.Height * 4];
        for (var y = 0; y < image.Height; y++)
        {
            var glRow = image.Height - 1 - y;
            for (var x = 0; x < image.Width; x++)
            {
                var from = (y * image.Width + x) * 3;
                var to = (glRow * image.Width + x) * 4;
                rgba[to] = image.Data[from];
                rgba[to + 1] = image.Data[from + 1];
                rgba[to + 2] = image.Data[from + 2];
                rgba[to + 3] = 255;
            }
        }

        return rgba;
    }

    public static Rgb8Image FromBottomUpRgba(byte[] rgba, int width, int height)
    {
        var image = new Rgb8Image(width, height);
        for (var y = 0; y < height; y++)
        {
            var glRow = height - 1 - y;
            for (var x = 0; x < width; x++)
            {
                var from = (glRow * width + x) * 4;
                var to = (y * width + x) * 3;
                image.Data[to] = rgba[from];
                image.Data[to + 1] = rgba[from + 1];
                image.Data[to + 2] = rgba[from + 2];
            }
        }

        return image;
    }

    public static void Upload(ITexture texture, Rgb8Image image)
    {
        Assert.That(texture.Format, Is.EqualTo(TextureFormat.Rgba8), "helpers upload RGBA8 only");
        texture.Upload(ToBottomUpRgba(image));
    }

    public static Rgb8Image Download(ITexture texture)
    {
        Assert.That(texture.Format, Is.EqualTo(TextureFormat.Rgba8), "helpers download RGBA8 only");
        var rgba = new byte[texture.ByteSize];
        texture.Download(rgba);
        return FromBottomUpRgba(rgba, texture.Width, texture.Height);
    }

    /// <summary>Nearest-neighbour upscale by an integer factor, top-down.</summary>
    public static Rgb8Image NearestUpscale(Rgb8Image image, int scale)
    {
        var output = new Rgb8Image(image.Width * scale, image.Height * scale);
        for (var y = 0; y < output.Height; y++)
        {
            for (var x = 0; x < output.Width; x++)
            {
                Array.Copy(image.Data, ((y / scale) * image.Width + (x / scale)) * 3, output.Data, (y * output.Width + x) * 3, 3);
            }
        }

        return output;
    }

    /// <summary>Largest per-channel difference in 8-bit levels.</summary>
    public static int MaxDifference(Rgb8Image a, Rgb8Image b)
    {
        Assert.That((b.Width, b.Height), Is.EqualTo((a.Width, a.Height)), "image sizes");
        var max = 0;
        for (var i = 0; i < a.Data.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a.Data[i] - b.Data[i]));
        }

        return max;
    }
}
