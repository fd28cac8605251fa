namespace NeuralPost.Imaging;

/// <summary>
/// A decoded PNG image: interleaved samples at 8 or 16 bits. Palette and sub-byte grey images are expanded on
/// decode, so only four channel layouts and two bit depths ever appear here.
/// </summary>
public sealed class PngImage
{
    /// <summary>Creates an image from explicit fields; <paramref name="samples"/> is used as is, not copied.</summary>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="channels">Channel layout.</param>
    /// <param name="bitDepth">8 or 16.</param>
    /// <param name="samples">Interleaved samples, row-major; 16-bit samples big-endian.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension, the layout or the bit depth is invalid.</exception>
    /// <exception cref="ArgumentException"><paramref name="samples"/> has the wrong length.</exception>
    public PngImage(int width, int height, PngColorKind channels, int bitDepth, byte[] samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (channels is < PngColorKind.Gray or > PngColorKind.Rgba)
        {
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "unknown channel layout.");
        }

        if (bitDepth is not (8 or 16))
        {
            throw new ArgumentOutOfRangeException(nameof(bitDepth), bitDepth, "bit depth must be 8 or 16.");
        }

        long expected = (long)width * height * (int)channels * (bitDepth / 8);
        if (samples.Length != expected)
        {
            throw new ArgumentException(
                $"samples holds {samples.Length} bytes, but a {width}x{height} {channels} {bitDepth}-bit image needs {expected}.",
                nameof(samples));
        }

        Width = width;
        Height = height;
        Channels = channels;
        BitDepth = bitDepth;
        Samples = samples;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Channel layout; its numeric value is the number of channels.</summary>
    public PngColorKind Channels { get; }

    /// <summary>Number of channels per pixel (1 to 4).</summary>
    public int ChannelCount => (int)Channels;

    /// <summary>Bits per sample: 8 or 16.</summary>
    public int BitDepth { get; }

    /// <summary>Bytes per pixel: channels times bytes per sample.</summary>
    public int BytesPerPixel => ChannelCount * (BitDepth / 8);

    /// <summary>Bytes per row, with no padding.</summary>
    public int Stride => Width * BytesPerPixel;

    /// <summary>Interleaved samples, row-major; 16-bit samples are stored big-endian, as in the PNG file.</summary>
#pragma warning disable CA1819 // The buffer is the point of the type: callers read and fill it in place.
    public byte[] Samples { get; }
#pragma warning restore CA1819

    /// <summary>Wraps an RGB image as an 8-bit <see cref="PngColorKind.Rgb"/> PNG image; the pixels are copied.</summary>
    public static PngImage FromRgb8(Rgb8Image image)
    {
        ArgumentNullException.ThrowIfNull(image);
        return new PngImage(image.Width, image.Height, PngColorKind.Rgb, 8, (byte[])image.Data.Clone());
    }

    /// <summary>
    /// Converts to 8-bit RGB. Grey is replicated into R, G and B. Alpha is dropped, not composited over any
    /// background, so fully transparent pixels keep whatever colour they store. 16-bit samples are rounded to
    /// 8 bits as <c>(v * 255 + 32767) / 65535</c>.
    /// </summary>
    public Rgb8Image ToRgb8()
    {
        var result = new Rgb8Image(Width, Height);
        Span<byte> dst = result.Data;
        ReadOnlySpan<byte> src = Samples;
        int channels = ChannelCount;
        int pixels = Width * Height;
        bool isGray = Channels is PngColorKind.Gray or PngColorKind.GrayAlpha;
        if (BitDepth == 8)
        {
            if (Channels == PngColorKind.Rgb)
            {
                src.CopyTo(dst);
                return result;
            }

            for (int p = 0, s = 0, d = 0; p < pixels; p++, s += channels, d += 3)
            {
                byte r = src[s];
                dst[d] = r;
                dst[d + 1] = isGray ? r : src[s + 1];
                dst[d + 2] = isGray ? r : src[s + 2];
            }

            return result;
        }

        int stride = channels * 2;
        for (int p = 0, s = 0, d = 0; p < pixels; p++, s += stride, d += 3)
        {
            byte r = To8(src, s);
            dst[d] = r;
            dst[d + 1] = isGray ? r : To8(src, s + 2);
            dst[d + 2] = isGray ? r : To8(src, s + 4);
        }

        return result;
    }

    private static byte To8(ReadOnlySpan<byte> samples, int offset)
    {
        int v = (samples[offset] << 8) | samples[offset + 1];
        return (byte)(((v * 255) + 32767) / 65535);
    }
}
