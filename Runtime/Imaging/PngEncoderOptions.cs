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
    /// zlib effort. Defaults to <see cref="CompressionLevel.Fastest"/>: outputs here are intermediate frames and
    /// test artefacts, where encode time matters more than the 10-20 % size that higher levels save on
    /// photographic content.
    /// </summary>
    public CompressionLevel CompressionLevel { get; init; } = CompressionLevel.Fastest;
}
