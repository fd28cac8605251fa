using NeuralPost.Imaging;
using SkiaSharp;

namespace NeuralPost.ImageFiles;

/// <summary>
/// Decodes one image through <see cref="SKCodec"/>, strictly: Skia is lenient by default (a truncated file
/// comes back with its missing rows zero-filled and a warning-level result), so every result but
/// <see cref="SKCodecResult.Success"/> is an error here, and the size is checked from the header before the
/// pixel buffer exists.
/// </summary>
internal static class SkiaDecoder
{
    public static Rgb8Image Decode(ReadOnlySpan<byte> encoded, string name, ImageReadOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxPixels, nameof(options));
        if (encoded.IsEmpty)
        {
            throw new ImageFileException(name, "empty file");
        }

        using var data = SKData.CreateCopy(encoded);
        using var stream = new SKMemoryStream(data);
        using var codec = SKCodec.Create(stream, out var opened);
        if (codec is null)
        {
            // libpng reports any header it cannot parse (bad IHDR values, no IDAT, a first chunk other than IHDR)
            // as incomplete input, so the message cannot tell truncation from corruption.
            throw new ImageFileException(name, opened == SKCodecResult.IncompleteInput
                ? "truncated or corrupt image header"
                : $"not a PNG, JPEG, WebP, BMP or GIF image (Skia: {opened})");
        }

        var format = codec.EncodedFormat;
        if (format == SKEncodedImageFormat.Png && !PngTrailer.EndsWithIend(encoded))
        {
            // Skia returns Success once every row is inflated, even when the file stops right after the pixels.
            throw new ImageFileException(name, "truncated PNG file (it does not end with an IEND chunk)");
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        // The RGBA buffer is one array, so a limit raised past what an array holds is capped there.
        var maxPixels = Math.Min(options.MaxPixels, Array.MaxLength / 4);
        if ((long)width * height > maxPixels)
        {
            throw new ImageTooLargeException(name, width, height, maxPixels);
        }

        // No colour space on the target: pixels come out as stored, untouched by gAMA/iCCP, as PIL reads them.
        // Unpremultiplied, so transparent pixels keep their colour when alpha is dropped below.
        var target = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = GC.AllocateUninitializedArray<byte>(width * height * 4);
        var result = codec.GetPixels(target, rgba);
        if (result != SKCodecResult.Success)
        {
            throw new ImageFileException(name, Describe(result, format));
        }

        return DropAlpha(rgba, width, height);
    }

    private static string Describe(SKCodecResult result, SKEncodedImageFormat format)
    {
        var label = format == SKEncodedImageFormat.Webp ? "WebP" : format.ToString().ToUpperInvariant();
        return result switch
        {
            SKCodecResult.IncompleteInput => $"truncated {label} data",
            SKCodecResult.ErrorInInput or SKCodecResult.InvalidInput =>
                $"corrupt {label} data (bad checksum, invalid compressed data or an invalid value) (Skia: {result})",
            _ => $"{label} data could not be decoded (Skia: {result})",
        };
    }

    private static Rgb8Image DropAlpha(byte[] rgba, int width, int height)
    {
        var image = new Rgb8Image(width, height);
        var rgb = image.Data;
        for (int s = 0, d = 0; d < rgb.Length; s += 4, d += 3)
        {
            rgb[d] = rgba[s];
            rgb[d + 1] = rgba[s + 1];
            rgb[d + 2] = rgba[s + 2];
        }

        return image;
    }
}
