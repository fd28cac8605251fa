namespace NeuralPost.Imaging;

/// <summary>Limits applied by <see cref="PngDecoder"/> so that untrusted files cannot exhaust memory.</summary>
public sealed class PngDecoderOptions
{
    /// <summary>The default pixel limit: 16384 x 16384.</summary>
    public const long DefaultMaxPixels = 16384L * 16384L;

    /// <summary>The default decoded-buffer limit: 2 GiB less a little, i.e. what one .NET array can hold.</summary>
    public static readonly long DefaultMaxBytes = Array.MaxLength;

    /// <summary>Options with every limit at its default.</summary>
    public static PngDecoderOptions Default { get; } = new();

    /// <summary>Largest accepted width * height; larger images raise <see cref="PngImageTooLargeException"/>.</summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;

    /// <summary>
    /// Largest accepted size in bytes of the decoded sample buffer (<see cref="PngImage.Samples"/>); larger
    /// images raise <see cref="PngImageTooLargeException"/>.
    /// </summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
}
