namespace NeuralPost.Editor.Fuzzing;

/// <summary>
/// Values that sit on boundaries decoders get wrong: zero, all ones, sign bits, powers of two and the pixel
/// limits either side of 16384.
/// </summary>
internal static class Interesting
{
    public static readonly byte[] Bytes = [0, 1, 2, 7, 8, 15, 16, 31, 32, 64, 0x7F, 0x80, 0xFE, 0xFF];

    public static readonly ushort[] Shorts = [0, 1, 2, 8, 16, 255, 256, 0x3FFF, 0x4000, 0x4001, 0x7FFF, 0x8000, 0xFFFE, 0xFFFF];

    public static readonly uint[] Ints =
    [
        0, 1, 2, 16, 255, 256, 0x3FFF, 0x4000, 0x4001, 0x7FFF, 0x8000, 0xFFFF, 0x10000, 0x00FFFFFF, 0x7FFFFFFE, 0x7FFFFFFF,
        0x80000000, 0xFFFFFFFE, 0xFFFFFFFF,
    ];

    /// <summary>An interesting value of <paramref name="size"/> bytes (1, 2 or 4), or one near <paramref name="near"/>.</summary>
    public static uint Pick(Random random, int size, uint near)
    {
        if (random.Next(4) == 0)
        {
            return unchecked(near + (uint)random.Next(-2, 3));
        }

        return size switch
        {
            1 => Bytes[random.Next(Bytes.Length)],
            2 => Shorts[random.Next(Shorts.Length)],
            _ => Ints[random.Next(Ints.Length)],
        };
    }
}
