namespace NeuralPost.ImageFiles;

/// <summary>Limits applied when reading, so that untrusted files cannot exhaust memory.</summary>
public sealed class ImageReadOptions
{
    /// <summary>The default pixel limit: 16384 x 16384 (the limit of the managed PNG decoder this replaced).</summary>
    public const long DefaultMaxPixels = 16384L * 16384L;

    /// <summary>Options with every limit at its default.</summary>
    public static ImageReadOptions Default { get; } = new();

    /// <summary>
    /// Largest accepted width * height in pixels; a header declaring more raises
    /// <see cref="ImageTooLargeException"/> before anything is allocated. Must be positive.
    /// </summary>
    public long MaxPixels { get; init; } = DefaultMaxPixels;
}
