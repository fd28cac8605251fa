using System.Buffers.Binary;

namespace NeuralPost.Imaging;

/// <summary>The validated contents of an IHDR chunk.</summary>
internal readonly record struct PngHeader(int Width, int Height, int BitDepth, int ColorType, bool Interlaced)
{
    /// <summary>PNG colour types.</summary>
    public const int Gray = 0, Rgb = 2, Palette = 3, GrayAlpha = 4, Rgba = 6;

    /// <summary>Samples per pixel as stored in the file (a palette index counts as one).</summary>
    public int FileChannels => ColorType switch
    {
        Rgb => 3,
        GrayAlpha => 2,
        Rgba => 4,
        _ => 1,
    };

    /// <summary>Bits per stored pixel.</summary>
    public int BitsPerPixel => FileChannels * BitDepth;

    /// <summary>The filter unit: bytes per complete pixel, at least 1.</summary>
    public int FilterBytesPerPixel => Math.Max(1, BitsPerPixel / 8);

    /// <summary>Bytes of one stored row of <paramref name="pixels"/> pixels, without the filter byte.</summary>
    public long RowBytes(int pixels) => (((long)pixels * BitsPerPixel) + 7) / 8;

    /// <summary>Parses and validates the 13 IHDR bytes.</summary>
    public static PngHeader Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length != 13)
        {
            throw new PngFormatException($"IHDR chunk has {data.Length} bytes, expected 13");
        }

        uint width = BinaryPrimitives.ReadUInt32BigEndian(data);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(data[4..]);
        int bitDepth = data[8], colorType = data[9];
        if (width == 0 || height == 0 || width > int.MaxValue || height > int.MaxValue)
        {
            throw new PngFormatException($"invalid image size {width}x{height}");
        }

        bool depthOk = colorType switch
        {
            Gray => bitDepth is 1 or 2 or 4 or 8 or 16,
            Palette => bitDepth is 1 or 2 or 4 or 8,
            Rgb or GrayAlpha or Rgba => bitDepth is 8 or 16,
            _ => throw new PngFormatException($"invalid colour type {colorType}"),
        };
        if (!depthOk)
        {
            throw new PngFormatException($"bit depth {bitDepth} is not allowed for colour type {colorType}");
        }

        if (data[10] != 0)
        {
            throw new PngFormatException($"unknown compression method {data[10]}");
        }

        if (data[11] != 0)
        {
            throw new PngFormatException($"unknown filter method {data[11]}");
        }

        if (data[12] > 1)
        {
            throw new PngFormatException($"unknown interlace method {data[12]}");
        }

        return new PngHeader((int)width, (int)height, bitDepth, colorType, data[12] == 1);
    }
}
