using System.Buffers.Binary;

namespace NeuralPost.Imaging;

/// <summary>What a walk over a PNG file's chunks found: the header, the colour tables and where the image data lies.</summary>
internal sealed class PngFileLayout
{
    /// <summary>The IHDR contents.</summary>
    public required PngHeader Header { get; init; }

    /// <summary>PLTE payload, or null.</summary>
    public byte[]? Palette { get; init; }

    /// <summary>tRNS payload, or null.</summary>
    public byte[]? Transparency { get; init; }

    /// <summary>Offset and length of each IDAT payload in the file, in file order.</summary>
    public required List<(int Offset, int Length)> ImageData { get; init; }

    /// <summary>Sum of the IDAT payload lengths.</summary>
    public required long ImageDataLength { get; init; }
}

/// <summary>
/// Walks the chunk list, verifying every CRC and the structural rules, without touching the compressed data.
/// The pixel limit is checked as soon as IHDR is read, before anything proportional to the image is allocated.
/// </summary>
internal static class PngChunkScanner
{
    /// <summary>Scans <paramref name="data"/>; throws <see cref="PngFormatException"/> on any structural error.</summary>
    public static PngFileLayout Scan(ReadOnlySpan<byte> data, PngDecoderOptions options)
    {
        CheckSignature(data);
        int pos = PngChunks.Signature.Length;
        PngHeader? header = null;
        byte[]? palette = null, transparency = null;
        var idat = new List<(int Offset, int Length)>();
        long idatLength = 0;
        while (true)
        {
            int remain = data.Length - pos;
            if (remain < 8)
            {
                string what = header is null ? "IHDR" : "IEND";
                throw new PngFormatException(remain == 0
                    ? $"missing {what}: file ends after {data.Length} bytes"
                    : $"truncated file: chunk header at offset {pos} needs 8 bytes, {remain} remain");
            }

            uint length = BinaryPrimitives.ReadUInt32BigEndian(data[pos..]);
            uint type = BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 4)..]);
            string name = PngChunks.Name(type);
            if (!PngChunks.IsValidType(type))
            {
                throw new PngFormatException($"invalid chunk type {name} at offset {pos}");
            }

            if (length > PngChunks.MaxLength)
            {
                throw new PngFormatException($"chunk {name} declares length {length}, above the limit of 2^31-1");
            }

            if ((long)length + 12 > remain)
            {
                throw new PngFormatException($"truncated file: chunk {name} needs {length + 12L} bytes, {remain} remain");
            }

            ReadOnlySpan<byte> typeAndPayload = data.Slice(pos + 4, (int)length + 4);
            uint stored = BinaryPrimitives.ReadUInt32BigEndian(data[(pos + 8 + (int)length)..]);
            if (Crc32.Compute(typeAndPayload) != stored)
            {
                throw new PngFormatException($"bad CRC in chunk {name}");
            }

            ReadOnlySpan<byte> payload = typeAndPayload[4..];
            int payloadOffset = pos + 8;
            pos += (int)length + 12;
            if (header is null && type != PngChunks.Ihdr)
            {
                throw new PngFormatException($"first chunk is {name}, expected IHDR");
            }

            switch (type)
            {
                case PngChunks.Ihdr:
                    if (header is not null)
                    {
                        throw new PngFormatException("duplicate IHDR chunk");
                    }

                    header = PngHeader.Parse(payload);
                    CheckPixelLimit(header.Value, options);
                    break;
                case PngChunks.Plte:
                    palette = ReadPalette(payload, header!.Value, palette);
                    break;
                case PngChunks.Trns:
                    transparency = transparency is null ? payload.ToArray() : throw new PngFormatException("duplicate tRNS chunk");
                    break;
                case PngChunks.Idat:
                    idat.Add((payloadOffset, (int)length));
                    idatLength += length;
                    break;
                case PngChunks.Iend:
                    if (idat.Count == 0)
                    {
                        throw new PngFormatException("no IDAT chunk before IEND");
                    }

                    return new PngFileLayout
                    {
                        Header = header!.Value,
                        Palette = palette,
                        Transparency = transparency,
                        ImageData = idat,
                        ImageDataLength = idatLength,
                    };
                default:
                    if (PngChunks.IsCritical(type))
                    {
                        throw new PngFormatException($"unknown critical chunk {name}");
                    }

                    break;
            }
        }
    }

    private static void CheckSignature(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> signature = PngChunks.Signature;
        if (data.IsEmpty)
        {
            throw new PngFormatException("empty input: no PNG data");
        }

        if (data.Length < signature.Length)
        {
            throw new PngFormatException(signature.StartsWith(data)
                ? $"truncated file: signature needs {signature.Length} bytes, {data.Length} remain"
                : "not a PNG file (bad signature)");
        }

        if (!data.StartsWith(signature))
        {
            throw new PngFormatException("not a PNG file (bad signature)");
        }
    }

    private static void CheckPixelLimit(PngHeader header, PngDecoderOptions options)
    {
        long pixels = (long)header.Width * header.Height;
        if (pixels > options.MaxPixels)
        {
            throw new PngImageTooLargeException(
                $"image {header.Width}x{header.Height} exceeds the limit of {options.MaxPixels} pixels");
        }
    }

    private static byte[] ReadPalette(ReadOnlySpan<byte> payload, PngHeader header, byte[]? existing)
    {
        if (existing is not null)
        {
            throw new PngFormatException("duplicate PLTE chunk");
        }

        if (header.ColorType is PngHeader.Gray or PngHeader.GrayAlpha)
        {
            throw new PngFormatException($"PLTE chunk is not allowed for colour type {header.ColorType}");
        }

        if (payload.Length == 0 || payload.Length % 3 != 0 || payload.Length > 256 * 3)
        {
            throw new PngFormatException($"PLTE chunk has {payload.Length} bytes, expected a multiple of 3 up to 768");
        }

        return payload.ToArray();
    }
}
