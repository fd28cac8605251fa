using System.Buffers.Binary;
using System.IO.Compression;

namespace NeuralPost.Imaging;

/// <summary>
/// Encodes grey, grey+alpha, RGB and RGBA images at 8 or 16 bits as non-interlaced PNG, with a per-row filter
/// chosen by <see cref="PngEncoderOptions.FilterMode"/>. Row buffers are allocated once per image.
/// </summary>
public static class PngEncoder
{
    /// <summary>Encodes <paramref name="image"/> to a new byte array.</summary>
    public static byte[] Encode(PngImage image, PngEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var output = new MemoryStream();
        Encode(image, output, options);
        return output.ToArray();
    }

    /// <summary>Encodes an 8-bit RGB image to a new byte array.</summary>
    public static byte[] Encode(Rgb8Image image, PngEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var output = new MemoryStream();
        Write(image.Data, image.Width, image.Height, PngColorKind.Rgb, 8, output, options ?? PngEncoderOptions.Default);
        return output.ToArray();
    }

    /// <summary>Encodes <paramref name="image"/> into <paramref name="destination"/>, which stays open.</summary>
    public static void Encode(PngImage image, Stream destination, PngEncoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(destination);
        Write(image.Samples, image.Width, image.Height, image.Channels, image.BitDepth, destination, options ?? PngEncoderOptions.Default);
    }

    /// <summary>Encodes an 8-bit RGB image into a file, replacing it if it exists.</summary>
    public static void Save(Rgb8Image image, string path, PngEncoderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, Encode(image, options));
    }

    /// <summary>Encodes <paramref name="image"/> into a file, replacing it if it exists.</summary>
    public static void Save(PngImage image, string path, PngEncoderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, Encode(image, options));
    }

    private static void Write(
        ReadOnlySpan<byte> samples, int width, int height, PngColorKind kind, int bitDepth, Stream destination, PngEncoderOptions options)
    {
        if (options.FilterMode is < PngFilterMode.None or > PngFilterMode.Adaptive)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.FilterMode, "unknown filter mode.");
        }

        destination.Write(PngChunks.Signature);
        Span<byte> ihdr = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr[4..], height);
        ihdr[8] = (byte)bitDepth;
        ihdr[9] = kind switch
        {
            PngColorKind.Gray => PngHeader.Gray,
            PngColorKind.GrayAlpha => PngHeader.GrayAlpha,
            PngColorKind.Rgb => PngHeader.Rgb,
            _ => PngHeader.Rgba,
        };
        PngChunks.Write(destination, PngChunks.Ihdr, ihdr);

        int bpp = (int)kind * (bitDepth / 8);
        int stride = width * bpp;
        var chunks = new IdatChunkStream(destination);
        using (var deflater = new ZLibStream(chunks, options.CompressionLevel, leaveOpen: true))
        {
            var rowFilter = new PngRowFilter(stride, bpp, options.FilterMode);
            ReadOnlySpan<byte> previous = default;
            for (int y = 0; y < height; y++)
            {
                ReadOnlySpan<byte> row = samples.Slice(y * stride, stride);
                deflater.Write(rowFilter.Apply(row, previous));
                previous = row;
            }
        }

        chunks.Flush();
        PngChunks.Write(destination, PngChunks.Iend, []);
    }
}
