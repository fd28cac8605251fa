using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using NeuralPost.Editor.Fuzzing;

namespace NeuralPost.Tests.Imaging;

/// <summary>Crafts and dissects PNG files byte by byte for structural and hostile-input tests.</summary>
internal static class PngTestFiles
{
    public static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Ihdr(uint width, uint height, byte bitDepth, byte colorType, byte interlace = 0)
    {
        var data = new byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(data, width);
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(4), height);
        data[8] = bitDepth;
        data[9] = colorType;
        data[12] = interlace;
        return data;
    }

    public static byte[] Chunk(string type, ReadOnlySpan<byte> data)
    {
        byte[] typeBytes = Encoding.ASCII.GetBytes(type);
        var chunk = new byte[data.Length + 12];
        BinaryPrimitives.WriteUInt32BigEndian(chunk, (uint)data.Length);
        typeBytes.CopyTo(chunk, 4);
        data.CopyTo(chunk.AsSpan(8));
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.Compute(chunk.AsSpan(4, data.Length + 4)));
        return chunk;
    }

    /// <summary>Signature + IHDR + the given chunks + IEND.</summary>
    public static byte[] Build(byte[] ihdr, params byte[][] chunks) =>
        [.. Signature, .. Chunk("IHDR", ihdr), .. chunks.SelectMany(c => c), .. Chunk("IEND", [])];

    public static byte[] Zlib(ReadOnlySpan<byte> raw)
    {
        using var output = new MemoryStream();
        using (var deflater = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            deflater.Write(raw);
        }

        return output.ToArray();
    }

    /// <summary>Chunk types in file order.</summary>
    public static List<string> ChunkTypes(byte[] png) => [.. Chunks(png).Select(c => c.Type)];

    /// <summary>The concatenated IDAT payloads.</summary>
    public static byte[] ImageData(byte[] png) =>
        [.. Chunks(png).Where(c => c.Type == "IDAT").SelectMany(c => png.AsSpan(c.Offset + 8, c.Length).ToArray())];

    /// <summary>Type, file offset and payload length of every chunk.</summary>
    public static List<(string Type, int Offset, int Length)> Chunks(byte[] png)
    {
        var result = new List<(string, int, int)>();
        for (int pos = 8; pos + 12 <= png.Length;)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(pos));
            result.Add((Encoding.ASCII.GetString(png, pos + 4, 4), pos, length));
            pos += length + 12;
        }

        return result;
    }
}
