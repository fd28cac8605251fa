namespace NeuralPost.ImageFiles;

/// <summary>
/// An image's header declares more pixels than <see cref="ImageReadOptions.MaxPixels"/>. It is raised from the
/// header alone, before the pixel buffer is allocated, so a tiny hostile file costs nothing.
/// </summary>
public sealed class ImageTooLargeException : ImageFileException
{
    /// <summary>Creates an exception about <paramref name="fileName"/>.</summary>
    /// <param name="fileName">The path or label of the offending file.</param>
    /// <param name="width">Declared width in pixels.</param>
    /// <param name="height">Declared height in pixels.</param>
    /// <param name="maxPixels">The limit it broke, in pixels.</param>
    public ImageTooLargeException(string fileName, int width, int height, long maxPixels)
        : base(fileName, $"image {width}x{height} exceeds the limit of {maxPixels} pixels")
    {
        Width = width;
        Height = height;
    }

    /// <summary>Declared width in pixels.</summary>
    public int Width { get; }

    /// <summary>Declared height in pixels.</summary>
    public int Height { get; }
}
