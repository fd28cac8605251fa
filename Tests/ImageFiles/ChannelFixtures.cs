using NeuralPost.ImageFiles;
using NeuralPost.Imaging;
using NeuralPost.Tests.Imaging;

namespace NeuralPost.Tests.ImageFiles;

/// <summary>Small images holding alpha, grey or 16-bit samples, written the ways a user's files arrive.</summary>
internal static class ChannelFixtures
{
    /// <summary>The colour under the transparent rectangle: bright, so black bleeding into it shows.</summary>
    public static readonly byte[] HiddenColour = [200, 10, 10];

    /// <summary>PNG IHDR's colour type: 0 grey, 2 RGB, 4 grey+alpha, 6 RGBA.</summary>
    public static byte PngColourType(string path) => File.ReadAllBytes(path)[25];

    /// <summary>Random opaque colour with a fully transparent rectangle [x0, x1) x [y0, y1) coloured <see cref="HiddenColour"/>.</summary>
    public static DecodedImage TransparentHole(int width, int height, (int X0, int Y0, int X1, int Y1) hole)
    {
        var rgb = new Rgb8Image(width, height);
        new Random(11).NextBytes(rgb.Data);
        var alpha = new byte[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var inside = x >= hole.X0 && x < hole.X1 && y >= hole.Y0 && y < hole.Y1;
                alpha[y * width + x] = inside ? (byte)0 : (byte)255;
                if (inside)
                {
                    HiddenColour.CopyTo(rgb.Data, (y * width + x) * 3);
                }
            }
        }

        return new DecodedImage(rgb, alpha, new ImageFileInfo(ImageChannels.Rgba, 8));
    }

    /// <summary>Random grey, R = G = B.</summary>
    public static DecodedImage Grey(int width, int height)
    {
        var rgb = new Rgb8Image(width, height);
        var random = new Random(12);
        for (var i = 0; i < rgb.Data.Length; i += 3)
        {
            rgb.Data[i] = rgb.Data[i + 1] = rgb.Data[i + 2] = (byte)random.Next(256);
        }

        return new DecodedImage(rgb, null, new ImageFileInfo(ImageChannels.Grey, 8));
    }

    /// <summary>A 16-bit RGB PNG of varied samples, and its samples' high bytes (what an 8-bit read keeps).</summary>
    public static (byte[] Png, Rgb8Image HighBytes) Rgb16Png(int width, int height)
    {
        var high = new Rgb8Image(width, height);
        var raw = new byte[height * (1 + width * 6)];
        for (var y = 0; y < height; y++)
        {
            for (var i = 0; i < width * 3; i++)
            {
                var sample = ((y * width * 3 + i) * 2741 + 3) & 0xffff;
                raw[y * (1 + width * 6) + 1 + i * 2] = (byte)(sample >> 8);
                raw[y * (1 + width * 6) + 2 + i * 2] = (byte)sample;
                high.Data[y * width * 3 + i] = (byte)(sample >> 8);
            }
        }

        return (PngTestFiles.Build(PngTestFiles.Ihdr((uint)width, (uint)height, 16, 2), PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib(raw))), high);
    }

    /// <summary>An 8-bit grey+alpha PNG (colour type 4): grey = x * 10, alpha = 0 on the left half, 255 on the right.</summary>
    public static byte[] GreyAlphaPng(int width, int height)
    {
        var raw = new byte[height * (1 + width * 2)];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var at = y * (1 + width * 2) + 1 + x * 2;
                raw[at] = (byte)(x * 10);
                raw[at + 1] = x < width / 2 ? (byte)0 : (byte)255;
            }
        }

        return PngTestFiles.Build(PngTestFiles.Ihdr((uint)width, (uint)height, 8, 4), PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib(raw)));
    }
}
