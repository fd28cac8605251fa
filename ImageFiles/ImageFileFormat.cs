namespace NeuralPost.ImageFiles;

/// <summary>The formats <see cref="ImageFile"/> writes. It reads these and also BMP and GIF.</summary>
public enum ImageFileFormat
{
    /// <summary>PNG, lossless, 8-bit RGB.</summary>
    Png,

    /// <summary>JPEG (baseline, 4:2:0), lossy at <see cref="ImageWriteOptions.Quality"/>.</summary>
    Jpeg,

    /// <summary>WebP, lossless (written for inspection and size, never to lose quality silently).</summary>
    Webp,
}
