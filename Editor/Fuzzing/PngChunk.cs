using System.Buffers.Binary;
using System.Text;

namespace NeuralPost.Editor.Fuzzing;

/// <summary>One chunk of a PNG file as laid out in the bytes: where it starts and how long its data is.</summary>
/// <param name="Offset">File offset of the chunk's length field.</param>
/// <param name="Length">Data length, as declared and present in full (chunks that run off the end are not listed).</param>
/// <param name="Type">The four-letter type.</param>
internal readonly record struct PngChunk(int Offset, int Length, string Type)
{
    public const int Overhead = 12;

    public int DataOffset => Offset + 8;

    public int End => Offset + Overhead + Length;

    public static bool IsPng(ReadOnlySpan<byte> file) => file.StartsWith("\x89PNG\r\n\x1a\n"u8);

    /// <summary>The chunks that lie wholly inside <paramref name="file"/>, in order, stopping at the first that does not.</summary>
    public static List<PngChunk> List(ReadOnlySpan<byte> file)
    {
        var chunks = new List<PngChunk>();
        for (int pos = 8; pos + Overhead <= file.Length;)
        {
            uint length = BinaryPrimitives.ReadUInt32BigEndian(file[pos..]);
            if (length > (uint)(file.Length - pos - Overhead))
            {
                break;
            }

            chunks.Add(new PngChunk(pos, (int)length, Encoding.Latin1.GetString(file.Slice(pos + 4, 4))));
            pos += Overhead + (int)length;
        }

        return chunks;
    }

    /// <summary>Rewrites the CRC after the type or data were edited, so libpng does not stop at the checksum.</summary>
    public void FixCrc(Span<byte> file) =>
        BinaryPrimitives.WriteUInt32BigEndian(file[(DataOffset + Length)..], Crc32.Compute(file.Slice(Offset + 4, Length + 4)));

    /// <summary>A complete chunk with a valid CRC.</summary>
    public static byte[] Build(string type, ReadOnlySpan<byte> data)
    {
        var chunk = new byte[data.Length + Overhead];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        Encoding.Latin1.GetBytes(type, chunk.AsSpan(4, 4));
        data.CopyTo(chunk.AsSpan(8));
        new PngChunk(0, data.Length, type).FixCrc(chunk);
        return chunk;
    }
}
