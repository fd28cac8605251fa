namespace NeuralPost.Editor.Fuzzing;

/// <summary>
/// PNG-aware mutations that keep every CRC valid, so the edit reaches the decoder instead of failing the
/// checksum: chunk data, types and lengths, IHDR fields, the zlib header's flags (FDICT), IDAT split in two,
/// chunks dropped, repeated, swapped or inserted.
/// </summary>
internal static class PngMutations
{
    private static readonly string[] ChunkTypes =
    [
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "bKGD", "hIST", "pHYs", "sPLT",
        "tIME", "tEXt", "zTXt", "iTXt", "eXIf", "acTL", "fcTL", "fdAT", "cICP", "mDCv", "cLLi",
    ];

    // Offsets inside IHDR's data: width, height, bit depth, colour type, compression, filter, interlace.
    private static readonly HeaderField[] IhdrFields =
    [
        HeaderField.Big(0, 4), HeaderField.Big(4, 4), HeaderField.Big(8, 1), HeaderField.Big(9, 1),
        HeaderField.Big(10, 1), HeaderField.Big(11, 1), HeaderField.Big(12, 1),
    ];

    private static readonly byte[] BitDepths = [0, 1, 2, 3, 4, 8, 16, 32];
    private static readonly byte[] ColourTypes = [0, 1, 2, 3, 4, 5, 6, 7];

    /// <summary>A mutated copy of <paramref name="png"/>, or null when it has no whole chunk to work on.</summary>
    public static byte[]? Apply(Random random, byte[] png)
    {
        var chunks = PngChunk.List(png);
        if (chunks.Count == 0)
        {
            return null;
        }

        var chunk = chunks[random.Next(chunks.Count)];
        return random.Next(9) switch
        {
            0 => EditData(random, png, chunk),
            1 => EditIhdr(random, png, chunks),
            2 => SetFdict(png, chunks),
            3 => SplitIdat(random, png, chunks),
            4 => Rebuild(png, chunks, c => c == chunk ? [] : [c]),
            5 => Rebuild(png, chunks, c => c == chunk ? [c, c] : [c]),
            6 => Insert(random, png, chunk),
            7 => EditType(random, png, chunk),
            _ => EditLength(random, png, chunk),
        };
    }

    private static byte[] EditData(Random random, byte[] png, PngChunk chunk)
    {
        var output = (byte[])png.Clone();
        if (chunk.Length > 0)
        {
            int size = Math.Min(chunk.Length, new[] { 1, 2, 4 }[random.Next(3)]);
            new HeaderField(chunk.DataOffset + random.Next(chunk.Length - size + 1), size, true).SetInteresting(random, output);
            chunk.FixCrc(output);
        }

        return output;
    }

    private static byte[] EditIhdr(Random random, byte[] png, List<PngChunk> chunks)
    {
        var output = (byte[])png.Clone();
        var ihdr = chunks.Find(c => c.Type == "IHDR");
        if (ihdr.Type is null || ihdr.Length < 13)
        {
            return output;
        }

        int which = random.Next(IhdrFields.Length);
        var field = IhdrFields[which] with { Offset = ihdr.DataOffset + IhdrFields[which].Offset };
        switch (which)
        {
            case 2:
                output[field.Offset] = BitDepths[random.Next(BitDepths.Length)];
                break;
            case 3:
                output[field.Offset] = ColourTypes[random.Next(ColourTypes.Length)];
                break;
            default:
                field.SetInteresting(random, output);
                break;
        }

        ihdr.FixCrc(output);
        return output;
    }

    private static byte[] SetFdict(byte[] png, List<PngChunk> chunks)
    {
        var output = (byte[])png.Clone();
        var idat = chunks.Find(c => c.Type == "IDAT");
        if (idat.Type is null || idat.Length < 2)
        {
            return output;
        }

        // FLG with the preset-dictionary bit set and FCHECK recomputed, so the zlib header itself stays valid:
        // the input that once escaped the old decoder as a raw ZLibException.
        int cmf = output[idat.DataOffset];
        int flg = (output[idat.DataOffset + 1] | 0x20) & 0xE0;
        flg |= (31 - (((cmf << 8) | flg) % 31)) % 31;
        output[idat.DataOffset + 1] = (byte)flg;
        idat.FixCrc(output);
        return output;
    }

    private static byte[] SplitIdat(Random random, byte[] png, List<PngChunk> chunks) => Rebuild(png, chunks, c =>
    {
        if (c.Type != "IDAT" || c.Length < 2)
        {
            return [c];
        }

        // Two IDAT chunks holding the same stream: the decoder must join them.
        int cut = random.Next(1, c.Length);
        return [c with { Length = cut }, c with { Offset = c.Offset + cut, Length = c.Length - cut }];
    }, split: true);

    private static byte[] Insert(Random random, byte[] png, PngChunk before)
    {
        var data = new byte[random.Next(0, 40)];
        random.NextBytes(data);
        var inserted = PngChunk.Build(ChunkTypes[random.Next(ChunkTypes.Length)], data);
        return [.. png.AsSpan(0, before.Offset), .. inserted, .. png.AsSpan(before.Offset)];
    }

    private static byte[] EditType(Random random, byte[] png, PngChunk chunk)
    {
        var output = (byte[])png.Clone();
        if (random.Next(2) == 0)
        {
            // The case bits say critical/ancillary, public, reserved and safe-to-copy.
            output[chunk.Offset + 4 + random.Next(4)] ^= 0x20;
        }
        else
        {
            System.Text.Encoding.Latin1.GetBytes(ChunkTypes[random.Next(ChunkTypes.Length)], output.AsSpan(chunk.Offset + 4, 4));
        }

        new PngChunk(chunk.Offset, chunk.Length, string.Empty).FixCrc(output);
        return output;
    }

    private static byte[] EditLength(Random random, byte[] png, PngChunk chunk)
    {
        var output = (byte[])png.Clone();
        HeaderField.Big(chunk.Offset, 4).SetInteresting(random, output);
        return output;
    }

    /// <summary>
    /// Writes the signature, then each chunk's replacements, then whatever followed the last whole chunk.
    /// With <paramref name="split"/>, replacements are slices of a chunk's data that get fresh headers and CRCs.
    /// </summary>
    private static byte[] Rebuild(byte[] png, List<PngChunk> chunks, Func<PngChunk, PngChunk[]> replace, bool split = false)
    {
        using var output = new MemoryStream(png.Length + 64);
        output.Write(png, 0, 8);
        foreach (var chunk in chunks)
        {
            foreach (var part in replace(chunk))
            {
                output.Write(split
                    ? PngChunk.Build(part.Type, png.AsSpan(part.DataOffset, part.Length))
                    : png.AsSpan(part.Offset, part.Length + PngChunk.Overhead));
            }
        }

        output.Write(png.AsSpan(chunks[^1].End));
        return output.ToArray();
    }
}
