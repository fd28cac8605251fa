namespace NeuralPost.Editor.Fuzzing;

/// <summary>A fixed-size integer in a file header (a width, a chunk size, a bit depth) that a mutation can set.</summary>
/// <param name="Offset">Byte offset in the file.</param>
/// <param name="Size">1, 2, 3 or 4 bytes.</param>
/// <param name="BigEndian">Byte order (PNG and JPEG are big-endian; RIFF, GIF and BMP little-endian).</param>
internal readonly record struct HeaderField(int Offset, int Size, bool BigEndian)
{
    public bool FitsIn(int length) => Offset >= 0 && Offset + Size <= length;

    public uint Read(ReadOnlySpan<byte> data)
    {
        uint value = 0;
        for (int i = 0; i < Size; i++)
        {
            int shift = 8 * (BigEndian ? Size - 1 - i : i);
            value |= (uint)data[Offset + i] << shift;
        }

        return value;
    }

    public void Write(Span<byte> data, uint value)
    {
        for (int i = 0; i < Size; i++)
        {
            int shift = 8 * (BigEndian ? Size - 1 - i : i);
            data[Offset + i] = (byte)(value >> shift);
        }
    }

    /// <summary>Sets the field to an interesting value, or one near its current value.</summary>
    public void SetInteresting(Random random, Span<byte> data) =>
        Write(data, Interesting.Pick(random, Size == 3 ? 4 : Size, Read(data)));

    public static HeaderField Big(int offset, int size) => new(offset, size, BigEndian: true);

    public static HeaderField Little(int offset, int size) => new(offset, size, BigEndian: false);
}
