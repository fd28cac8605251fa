namespace NeuralPost.ImageFiles;

/// <summary>Maps output paths to the format written for them, by extension (case-insensitive).</summary>
public static class ImageFileFormats
{
    private static readonly (string Extension, ImageFileFormat Format)[] Extensions =
    [
        (".png", ImageFileFormat.Png), (".jpg", ImageFileFormat.Jpeg), (".jpeg", ImageFileFormat.Jpeg), (".webp", ImageFileFormat.Webp),
    ];

    /// <summary>The format written for <paramref name="path"/>.</summary>
    /// <param name="path">An output file path.</param>
    /// <exception cref="UnsupportedImageFormatException">The extension is not .png, .jpg, .jpeg or .webp.</exception>
    public static ImageFileFormat FromPath(string path) =>
        TryFromPath(path, out var format) ? format : throw new UnsupportedImageFormatException(path);

    /// <summary>Whether <paramref name="path"/> names a format we write, and which.</summary>
    /// <param name="path">An output file path.</param>
    /// <param name="format">The format for its extension, when supported.</param>
    public static bool TryFromPath(string path, out ImageFileFormat format)
    {
        ArgumentNullException.ThrowIfNull(path);
        var extension = Path.GetExtension(path);
        foreach (var (candidate, candidateFormat) in Extensions)
        {
            if (string.Equals(extension, candidate, StringComparison.OrdinalIgnoreCase))
            {
                format = candidateFormat;
                return true;
            }
        }

        format = default;
        return false;
    }

    /// <summary>The writable extensions as a phrase for messages: ".png, .jpg, .jpeg or .webp".</summary>
    public static string Describe() =>
        $"{string.Join(", ", Extensions[..^1].Select(e => e.Extension))} or {Extensions[^1].Extension}";
}
