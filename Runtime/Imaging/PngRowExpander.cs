using System.Runtime.CompilerServices;

namespace NeuralPost.Imaging;

/// <summary>
/// Turns one unfiltered stored row into output samples: unpacks sub-byte samples, scales low-depth grey to
/// 8 bits, looks up palette entries and turns a tRNS colour key or palette alpha into an alpha channel.
/// </summary>
internal sealed class PngRowExpander
{
    private readonly PngHeader _header;
    private readonly byte[] _paletteRgba = [];
    private readonly int _paletteCount;
    private readonly int[] _key = [];

    /// <summary>Validates PLTE and tRNS against the header and fixes the output layout.</summary>
    public PngRowExpander(PngHeader header, byte[]? palette, byte[]? transparency)
    {
        _header = header;
        int depth = header.BitDepth;
        OutputBitDepth = depth == 16 ? 16 : 8;
        switch (header.ColorType)
        {
            case PngHeader.Palette:
                if (palette is null)
                {
                    throw new PngFormatException("missing PLTE chunk for a palette image");
                }

                _paletteCount = palette.Length / 3;
                _paletteRgba = BuildPalette(palette, transparency, _paletteCount);
                OutputKind = transparency is null ? PngColorKind.Rgb : PngColorKind.Rgba;
                break;
            case PngHeader.Gray:
                _key = ReadKey(transparency, 1, header.ColorType);
                OutputKind = _key.Length == 0 ? PngColorKind.Gray : PngColorKind.GrayAlpha;
                break;
            case PngHeader.Rgb:
                _key = ReadKey(transparency, 3, header.ColorType);
                OutputKind = _key.Length == 0 ? PngColorKind.Rgb : PngColorKind.Rgba;
                break;
            case PngHeader.GrayAlpha:
                // A tRNS here is forbidden by the specification but harmless; the alpha channel already says it all.
                OutputKind = PngColorKind.GrayAlpha;
                break;
            default:
                OutputKind = PngColorKind.Rgba;
                break;
        }

        OutputBytesPerPixel = (int)OutputKind * (OutputBitDepth / 8);
    }

    /// <summary>Channel layout of the output.</summary>
    public PngColorKind OutputKind { get; }

    /// <summary>8 or 16.</summary>
    public int OutputBitDepth { get; }

    /// <summary>Bytes per output pixel.</summary>
    public int OutputBytesPerPixel { get; }

    /// <summary>
    /// Expands <paramref name="pixels"/> pixels of <paramref name="row"/>; pixel i goes to
    /// <c>destination[i * step ..]</c>, so interlace passes can scatter into the full image.
    /// </summary>
    public void Expand(ReadOnlySpan<byte> row, int pixels, Span<byte> destination, int step)
    {
        int outBpp = OutputBytesPerPixel;
        if (_header.ColorType == PngHeader.Palette)
        {
            ExpandPalette(row, pixels, destination, step);
        }
        else if (_header.BitDepth < 8)
        {
            ExpandLowGray(row, pixels, destination, step);
        }
        else if (_key.Length == 0)
        {
            if (step == outBpp)
            {
                row[..(pixels * outBpp)].CopyTo(destination);
                return;
            }

            for (int i = 0, d = 0; i < pixels; i++, d += step)
            {
                row.Slice(i * outBpp, outBpp).CopyTo(destination[d..]);
            }
        }
        else
        {
            ExpandKeyed(row, pixels, destination, step);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // Called once per row; see PngFilters.
    private void ExpandPalette(ReadOnlySpan<byte> row, int pixels, Span<byte> destination, int step)
    {
        int bits = _header.BitDepth, mask = (1 << bits) - 1, outBpp = OutputBytesPerPixel;
        ReadOnlySpan<byte> table = _paletteRgba;
        for (int i = 0, d = 0; i < pixels; i++, d += step)
        {
            int index = bits == 8 ? row[i] : Unpack(row, i, bits, mask);
            if (index >= _paletteCount)
            {
                throw new PngFormatException($"palette index {index} is out of range (palette has {_paletteCount} entries)");
            }

            table.Slice(index * 4, outBpp).CopyTo(destination[d..]);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // Called once per row; see PngFilters.
    private void ExpandLowGray(ReadOnlySpan<byte> row, int pixels, Span<byte> destination, int step)
    {
        int bits = _header.BitDepth, mask = (1 << bits) - 1, scale = 255 / mask;
        bool keyed = _key.Length != 0;
        for (int i = 0, d = 0; i < pixels; i++, d += step)
        {
            int v = Unpack(row, i, bits, mask);
            destination[d] = (byte)(v * scale);
            if (keyed)
            {
                destination[d + 1] = v == _key[0] ? (byte)0 : (byte)255;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // Called once per row; see PngFilters.
    private void ExpandKeyed(ReadOnlySpan<byte> row, int pixels, Span<byte> destination, int step)
    {
        int sampleBytes = _header.BitDepth / 8, channels = _key.Length, inBpp = channels * sampleBytes;
        for (int i = 0, s = 0, d = 0; i < pixels; i++, s += inBpp, d += step)
        {
            bool match = true;
            for (int c = 0; c < channels; c++)
            {
                int offset = s + (c * sampleBytes);
                int v = sampleBytes == 1 ? row[offset] : (row[offset] << 8) | row[offset + 1];
                match &= v == _key[c];
            }

            row.Slice(s, inBpp).CopyTo(destination[d..]);
            destination.Slice(d + inBpp, sampleBytes).Fill(match ? (byte)0 : (byte)255);
        }
    }

    private static int Unpack(ReadOnlySpan<byte> row, int index, int bits, int mask)
    {
        int bit = index * bits;
        return (row[bit >> 3] >> (8 - bits - (bit & 7))) & mask;
    }

    private static byte[] BuildPalette(byte[] palette, byte[]? transparency, int count)
    {
        if (transparency is not null && transparency.Length > count)
        {
            throw new PngFormatException($"tRNS chunk has {transparency.Length} entries, more than the {count} palette entries");
        }

        var table = new byte[256 * 4];
        for (int i = 0; i < count; i++)
        {
            table[i * 4] = palette[i * 3];
            table[(i * 4) + 1] = palette[(i * 3) + 1];
            table[(i * 4) + 2] = palette[(i * 3) + 2];
            table[(i * 4) + 3] = transparency is not null && i < transparency.Length ? transparency[i] : (byte)255;
        }

        return table;
    }

    private static int[] ReadKey(byte[]? transparency, int channels, int colorType)
    {
        if (transparency is null)
        {
            return [];
        }

        if (transparency.Length != channels * 2)
        {
            throw new PngFormatException($"tRNS chunk has {transparency.Length} bytes, expected {channels * 2} for colour type {colorType}");
        }

        var key = new int[channels];
        for (int c = 0; c < channels; c++)
        {
            key[c] = (transparency[c * 2] << 8) | transparency[(c * 2) + 1];
        }

        return key;
    }
}
