using System.Buffers.Binary;

namespace NeuralPost.Imaging;

/// <summary>Chunk-level constants and the chunk writer shared by the decoder and the encoder.</summary>
internal static class PngChunks
{
    /// <summary>The eight bytes every PNG file starts with.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Chunk type codes, as big-endian integers of their four ASCII letters.</summary>
    public const uint Ihdr = 0x49484452, Plte = 0x504C5445, Idat = 0x49444154, Iend = 0x49454E44, Trns = 0x74524E53;

    /// <summary>The largest chunk length the format allows (2^31 - 1).</summary>
    public const uint MaxLength = int.MaxValue;

    /// <summary>Whether a chunk type is critical (first letter upper case), i.e. a decoder may not skip it.</summary>
    public static bool IsCritical(uint type) => (type & 0x20000000u) == 0;

    /// <summary>Whether all four bytes of a chunk type are ASCII letters, as the format requires.</summary>
    public static bool IsValidType(uint type)
    {
        for (int shift = 0; shift < 32; shift += 8)
        {
            uint c = (type >> shift) & 0xFF;
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The type as text for messages: its letters, or hex when it is not printable.</summary>
    public static string Name(uint type)
    {
        if (!IsValidType(type))
        {
            return $"0x{type:X8}";
        }

        return string.Create(4, type, static (span, t) =>
        {
            for (int i = 0; i < 4; i++)
            {
                span[i] = (char)((t >> (24 - (8 * i))) & 0xFF);
            }
        });
    }

    /// <summary>Writes one chunk: length, type, data, CRC over type and data.</summary>
    public static void Write(Stream destination, uint type, ReadOnlySpan<byte> data)
    {
        Span<byte> header = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], type);
        destination.Write(header);
        destination.Write(data);
        uint crc = Crc32.Finish(Crc32.Update(Crc32.Update(0xFFFFFFFFu, header[4..]), data));
        BinaryPrimitives.WriteUInt32BigEndian(header, crc);
        destination.Write(header[..4]);
    }
}
