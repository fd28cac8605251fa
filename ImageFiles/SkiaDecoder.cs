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
    private const string NotAnImage = "not a PNG, JPEG, WebP, BMP or GIF image";

    private static readonly SKEncodedImageFormat[] Documented =
    [
        SKEncodedImageFormat.Png, SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Webp, SKEncodedImageFormat.Bmp, SKEncodedImageFormat.Gif,
    ];

    public static Rgb8Image Decode(ReadOnlySpan<byte> encoded, string name, ImageReadOptions options)
    {
        var (rgba, width, height, _) = DecodeRgba(encoded, name, options);
        return DropAlpha(rgba, width, height);
    }

    public static DecodedImage DecodeWithInfo(ReadOnlySpan<byte> encoded, string name, ImageReadOptions options)
    {
        var (rgba, width, height, info) = DecodeRgba(encoded, name, options);
        return new DecodedImage(DropAlpha(rgba, width, height), info.HasAlpha ? AlphaPlane(rgba) : null, info);
    }

    private static (byte[] Rgba, int Width, int Height, ImageFileInfo Info) DecodeRgba(ReadOnlySpan<byte> encoded, string name, ImageReadOptions options)
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
            throw new ImageFileException(name, DescribeUnopened(opened, ImageMagic.Label(encoded)));
        }

        var format = codec.EncodedFormat;
        if (!Documented.Contains(format))
        {
            // Skia also reads ICO and WBMP; WBMP has no magic number, so junk that starts with two zero bytes
            // would come back as a black-and-white image. Only the documented formats are images here.
            throw new ImageFileException(name, $"{NotAnImage} (Skia reads it as {format.ToString().ToUpperInvariant()})");
        }

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
        // Unpremultiplied, so transparent pixels keep their colour, whether alpha is dropped or kept apart.
        var target = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        // Zeroed, and Skia told so: on input that ends early it would otherwise paint every missing row, touching
        // the whole buffer, so a 110-byte file declaring 16384x16384 cost 2 s and 1 GiB of resident memory before
        // it was refused. Zeroed rather than uninitialised because Skia also skips clearing what a GIF frame or a
        // BMP RLE stream leaves uncovered, which must not show stale memory.
        var rgba = new byte[width * height * 4];
        var result = GetPixels(codec, target, rgba);
        if (result != SKCodecResult.Success)
        {
            throw new ImageFileException(name, Describe(result, format));
        }

        return (rgba, width, height, ChannelProbe.Read(codec, encoded));
    }

    private static unsafe SKCodecResult GetPixels(SKCodec codec, SKImageInfo target, byte[] zeroed)
    {
        fixed (byte* pixels = zeroed)
        {
            return codec.GetPixels(target, (IntPtr)pixels, target.RowBytes, new SKCodecOptions(SKZeroInitialized.Yes));
        }
    }

    private static string DescribeUnopened(SKCodecResult opened, string? claimed) => (opened, claimed) switch
    {
        // libpng reports any header it cannot parse (bad IHDR values, no IDAT, a first chunk other than IHDR)
        // as incomplete input, so the message cannot tell truncation from corruption.
        (SKCodecResult.IncompleteInput, _) => "truncated or corrupt image header",
        (_, null) => $"{NotAnImage} (Skia: {opened})",
        // The magic number says which format, so the user learns the file is damaged or a variant we lack
        // (e.g. a lossless or arithmetic-coded JPEG), not that it is no image at all.
        (SKCodecResult.Unimplemented, _) => $"unsupported {claimed} variant (Skia: {opened})",
        _ => $"corrupt {claimed} header (Skia: {opened})",
    };

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

    private static byte[] AlphaPlane(byte[] rgba)
    {
        var alpha = GC.AllocateUninitializedArray<byte>(rgba.Length / 4);
        for (int s = 3, d = 0; d < alpha.Length; s += 4, d++)
        {
            alpha[d] = rgba[s];
        }

        return alpha;
    }
}
