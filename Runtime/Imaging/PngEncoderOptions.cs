using System.IO.Compression;

namespace NeuralPost.Imaging;

/// <summary>Settings for <see cref="PngEncoder"/>.</summary>
public sealed class PngEncoderOptions
{
    /// <summary>Options with every setting at its default.</summary>
    public static PngEncoderOptions Default { get; } = new();

    /// <summary>Scanline filter choice; defaults to <see cref="PngFilterMode.Adaptive"/>, which usually compresses best.</summary>
    public PngFilterMode FilterMode { get; init; } = PngFilterMode.Adaptive;

    /// <summary>
    /// zlib effort. Defaults to <see cref="CompressionLevel.Optimal"/> (zlib level 6). .NET's
    /// <see cref="CompressionLevel.Fastest"/> uses zlib-ng's quick mode, which measured about 55 % larger files
    /// on a 1080p photograph for only about a third less encode time; <see cref="CompressionLevel.SmallestSize"/>
    /// saved under 4 % more at twice the time.
    /// </summary>
    public CompressionLevel CompressionLevel { get; init; } = CompressionLevel.Optimal;
}
