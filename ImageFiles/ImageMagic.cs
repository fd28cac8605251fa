namespace NeuralPost.ImageFiles;

/// <summary>
/// Names the documented format a file claims by its magic number, so an error can say "corrupt JPEG header"
/// rather than "not an image" and so data Skia would read as another format (WBMP has no magic number at all)
/// is refused.
/// </summary>
internal static class ImageMagic
{
    /// <summary>"PNG", "JPEG", "WebP", "GIF" or "BMP", or null when the file starts like none of them.</summary>
    public static string? Label(ReadOnlySpan<byte> file) => file switch
    {
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => "PNG",
        [0xFF, 0xD8, 0xFF, ..] => "JPEG",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "WebP",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', (byte)'7' or (byte)'9', (byte)'a', ..] => "GIF",
        [(byte)'B', (byte)'M', ..] => "BMP",
        _ => null,
    };
}
