namespace NeuralPost.ImageFiles;

/// <summary>The formats <see cref="ImageFile"/> writes. It reads these and also BMP and GIF.</summary>
public enum ImageFileFormat
{
    /// <summary>PNG, lossless, 8 bits per sample: RGB, RGBA or grey (see <see cref="ImageFile.Save(DecodedImage, string, ImageWriteOptions?)"/>).</summary>
    Png,

    /// <summary>JPEG (baseline, 4:2:0), lossy at <see cref="ImageWriteOptions.Quality"/>; RGB or grey, never alpha.</summary>
    Jpeg,

    /// <summary>WebP, lossless (written for inspection and size, never to lose quality silently); RGB or RGBA.</summary>
    Webp,
}
