using System.IO.Compression;

namespace NeuralPost.Imaging;

/// <summary>
/// Decodes PNG files: every standard colour type and bit depth, PLTE and tRNS, all five filters and Adam7
/// interlacing. Every chunk CRC is verified, ancillary chunks are skipped, and the output size is checked
/// against <see cref="PngDecoderOptions"/> before it is allocated. Inflation stops at the number of bytes the
/// header implies, so a small file cannot expand into unbounded memory.
/// </summary>
public static class PngDecoder
{
    /// <summary>Decodes a complete PNG file held in memory.</summary>
    /// <exception cref="PngFormatException">The data is not a valid PNG file or breaks a limit.</exception>
    public static PngImage Decode(ReadOnlySpan<byte> data, PngDecoderOptions? options = null)
    {
        options ??= PngDecoderOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxPixels, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBytes, nameof(options));

        PngFileLayout layout = PngChunkScanner.Scan(data, options);
        PngHeader header = layout.Header;
        var expander = new PngRowExpander(header, layout.Palette, layout.Transparency);
        long outputBytes = (long)header.Width * header.Height * expander.OutputBytesPerPixel;
        long limit = Math.Min(options.MaxBytes, Array.MaxLength);
        long maxRow = header.RowBytes(header.Width) + 1;
        if (outputBytes > limit || maxRow > Array.MaxLength)
        {
            throw new PngImageTooLargeException(
                $"image {header.Width}x{header.Height} needs {outputBytes} bytes decoded, exceeding the limit of {limit} bytes");
        }

        // The compressed stream is gathered into one buffer because ZLibStream reads from a stream and the
        // IDAT payloads are scattered between chunk headers; it is no larger than the input.
        var compressed = new byte[layout.ImageDataLength];
        int filled = 0;
        foreach ((int offset, int length) in layout.ImageData)
        {
            data.Slice(offset, length).CopyTo(compressed.AsSpan(filled));
            filled += length;
        }

        var samples = new byte[outputBytes];
        using (var source = new MemoryStream(compressed, writable: false))
        using (var inflater = new ZLibStream(source, CompressionMode.Decompress))
        {
            try
            {
                new PngScanlineReader(header, expander, inflater).ReadAll(samples);
            }
            catch (InvalidDataException e)
            {
                throw new PngFormatException($"corrupt zlib data in IDAT: {e.Message}", e);
            }
        }

        return new PngImage(header.Width, header.Height, expander.OutputKind, expander.OutputBitDepth, samples);
    }

    /// <summary>Reads a stream to its end and decodes it.</summary>
    /// <exception cref="PngFormatException">The data is not a valid PNG file or breaks a limit.</exception>
    public static PngImage Decode(Stream stream, PngDecoderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), options);
    }

    /// <summary>Reads and decodes a PNG file; I/O errors propagate as the usual <see cref="IOException"/> types.</summary>
    /// <exception cref="PngFormatException">The file is not a valid PNG file or breaks a limit.</exception>
    public static PngImage Load(string path, PngDecoderOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Decode(File.ReadAllBytes(path), options);
    }
}
