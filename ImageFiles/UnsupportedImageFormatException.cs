namespace NeuralPost.ImageFiles;

/// <summary>
/// An output path names a format we do not write (only <c>.png</c>, <c>.jpg</c>/<c>.jpeg</c> and <c>.webp</c>
/// are written). It is a usage error: front ends check output paths with
/// <see cref="ImageFileFormats.FromPath"/> before doing any work, so nothing is computed for a file that cannot
/// be saved.
/// </summary>
public sealed class UnsupportedImageFormatException : ArgumentException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    /// <param name="path">The output path whose extension is not supported.</param>
    public UnsupportedImageFormatException(string path)
        : base($"cannot write '{path}': the extension must be {ImageFileFormats.Describe()}") => Path = path;

    /// <summary>The rejected output path.</summary>
    public string Path { get; }
}
