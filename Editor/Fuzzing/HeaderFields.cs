namespace NeuralPost.Editor.Fuzzing;

/// <summary>
/// Where the size-bearing header fields of JPEG, WebP, GIF and BMP files are: SOF dimensions, precision and
/// component counts and segment lengths; RIFF and chunk sizes and VP8/VP8L/VP8X dimensions; GIF screen and
/// frame sizes and the LZW code size; BMP dimensions, bit count, compression and offsets.
/// </summary>
internal static class HeaderFields
{
    public static List<HeaderField> Find(ReadOnlySpan<byte> file)
    {
        var fields = new List<HeaderField>();
        if (file.Length >= 2 && file[0] == 0xFF && file[1] == 0xD8)
        {
            AddJpeg(file, fields);
        }
        else if (file.Length >= 12 && file.StartsWith("RIFF"u8) && file[8..].StartsWith("WEBP"u8))
        {
            AddWebp(fields);
        }
        else if (file.StartsWith("GIF8"u8))
        {
            AddGif(file, fields);
        }
        else if (file.StartsWith("BM"u8))
        {
            // File size, pixel offset, header size, width, height, planes, bit count, compression, image size, colours used.
            fields.AddRange([
                HeaderField.Little(2, 4), HeaderField.Little(10, 4), HeaderField.Little(14, 4), HeaderField.Little(18, 4),
                HeaderField.Little(22, 4), HeaderField.Little(26, 2), HeaderField.Little(28, 2), HeaderField.Little(30, 4),
                HeaderField.Little(34, 4), HeaderField.Little(46, 4),
            ]);
        }

        int length = file.Length;
        fields.RemoveAll(f => !f.FitsIn(length));
        return fields;
    }

    /// <summary>Every segment's length, and in a start-of-frame segment precision, height, width, components and sampling.</summary>
    private static void AddJpeg(ReadOnlySpan<byte> file, List<HeaderField> fields)
    {
        for (int pos = 2; pos + 4 <= file.Length && file[pos] == 0xFF;)
        {
            byte marker = file[pos + 1];
            int length = (file[pos + 2] << 8) | file[pos + 3];
            fields.Add(HeaderField.Big(pos + 2, 2));
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                // SOF type itself (baseline, progressive, lossless, arithmetic) is worth changing too.
                fields.AddRange([HeaderField.Big(pos + 1, 1), HeaderField.Big(pos + 4, 1), HeaderField.Big(pos + 5, 2),
                    HeaderField.Big(pos + 7, 2), HeaderField.Big(pos + 9, 1), HeaderField.Big(pos + 11, 1), HeaderField.Big(pos + 12, 1)]);
            }

            if (marker == 0xDA)
            {
                // Component count and the spectral selection / successive approximation bytes after them.
                fields.AddRange([HeaderField.Big(pos + 4, 1), HeaderField.Big(pos + length - 1, 1), HeaderField.Big(pos + length, 1),
                    HeaderField.Big(pos + length + 1, 1)]);
                break;
            }

            pos += 2 + length;
        }
    }

    private static void AddWebp(List<HeaderField> fields) => fields.AddRange([
        // RIFF size, first chunk size; VP8L: signature and the packed 14-bit width and height.
        HeaderField.Little(4, 4), HeaderField.Little(16, 4), HeaderField.Little(20, 1), HeaderField.Little(21, 2),
        HeaderField.Little(22, 2), HeaderField.Little(23, 2),
        // VP8 (lossy): frame tag, start code and the 14-bit dimensions with their scale bits.
        HeaderField.Little(20, 3), HeaderField.Little(26, 2), HeaderField.Little(28, 2),
        // VP8X: flags and the 24-bit canvas width and height (minus one).
        HeaderField.Little(24, 3), HeaderField.Little(27, 3),
    ]);

    private static void AddGif(ReadOnlySpan<byte> file, List<HeaderField> fields)
    {
        // Logical screen width, height, packed flags (global table size), background index.
        fields.AddRange([HeaderField.Little(6, 2), HeaderField.Little(8, 2), HeaderField.Little(10, 1), HeaderField.Little(11, 1)]);
        int descriptor = file.Length > 13 ? file[13..].IndexOf((byte)0x2C) : -1;
        if (descriptor < 0)
        {
            return;
        }

        // Frame left, top, width, height, packed flags, then the LZW minimum code size.
        int at = 13 + descriptor;
        fields.AddRange([HeaderField.Little(at + 1, 2), HeaderField.Little(at + 3, 2), HeaderField.Little(at + 5, 2),
            HeaderField.Little(at + 7, 2), HeaderField.Little(at + 9, 1), HeaderField.Little(at + 10, 1)]);
    }
}
