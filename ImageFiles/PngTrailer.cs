namespace NeuralPost.ImageFiles;

/// <summary>Recognises the IEND chunk that ends every complete PNG file.</summary>
internal static class PngTrailer
{
    // Length 0, type "IEND", and the CRC of "IEND": the 12 bytes are the same in every PNG file.
    private static ReadOnlySpan<byte> Iend => [0, 0, 0, 0, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82];

    public static bool EndsWithIend(ReadOnlySpan<byte> file) => file.EndsWith(Iend);
}
