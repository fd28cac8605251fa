namespace NeuralPost.ImageFiles;

/// <summary>Settings for <see cref="O:NeuralPost.ImageFiles.ImageFile.Save"/> and <see cref="ImageFile.Encode"/>.</summary>
public sealed class ImageWriteOptions
{
    /// <summary>Options with every setting at its default.</summary>
    public static ImageWriteOptions Default { get; } = new();

    /// <summary>
    /// JPEG quality from 1 (smallest) to 100 (best); default 90. PNG and WebP are lossless and ignore it.
    /// </summary>
    public int Quality { get; init; } = 90;
}
