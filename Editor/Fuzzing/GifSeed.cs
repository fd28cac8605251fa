namespace NeuralPost.Editor.Fuzzing;

/// <summary>
/// Writes a small two-colour GIF; Skia cannot write GIF. The LZW stream sends a clear code before every pair of
/// pixels, so the code table never grows past three-bit codes and the encoder stays a few lines.
/// </summary>
internal static class GifSeed
{
    private const int MinCodeSize = 2;
    private const int Clear = 1 << MinCodeSize;
    private const int EndOfInformation = Clear + 1;
    private const int CodeBits = MinCodeSize + 1;

    public static byte[] TwoColour(int width, int height)
    {
        var codes = new List<int>();
        for (int i = 0; i < width * height; i++)
        {
            if (i % 2 == 0)
            {
                codes.Add(Clear);
            }

            codes.Add(((i % width) + (i / width)) % 2);
        }

        codes.Add(EndOfInformation);
        var lzw = Pack(codes);
        var file = new List<byte>();
        file.AddRange("GIF89a"u8.ToArray());
        // Logical screen, a global table of two entries (black, orange), then one frame covering it.
        file.AddRange([(byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0x80, 0, 0]);
        file.AddRange([0, 0, 0, 255, 128, 0]);
        file.AddRange([0x2C, 0, 0, 0, 0, (byte)width, (byte)(width >> 8), (byte)height, (byte)(height >> 8), 0, MinCodeSize]);
        for (int at = 0; at < lzw.Length; at += 255)
        {
            int count = Math.Min(255, lzw.Length - at);
            file.Add((byte)count);
            file.AddRange(lzw.AsSpan(at, count).ToArray());
        }

        file.AddRange([0, 0x3B]);
        return [.. file];
    }

    private static byte[] Pack(List<int> codes)
    {
        var bytes = new byte[((codes.Count * CodeBits) + 7) / 8];
        int bit = 0;
        foreach (int code in codes)
        {
            for (int b = 0; b < CodeBits; b++, bit++)
            {
                if (((code >> b) & 1) != 0)
                {
                    bytes[bit / 8] |= (byte)(1 << (bit % 8));
                }
            }
        }

        return bytes;
    }
}
