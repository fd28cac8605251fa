using System.Runtime.InteropServices;
using NeuralPost.Imaging;
using SkiaSharp;

namespace NeuralPost.ImageFiles;

/// <summary>Encodes an image through Skia's PNG, JPEG and WebP encoders, keeping grey and alpha where the format can.</summary>
internal static class SkiaEncoder
{
    /// <exception cref="IOException">The encoder failed, or <paramref name="destination"/> did.</exception>
    public static void Encode(Rgb8Image image, ImageFileFormat format, ImageWriteOptions options, Stream destination) =>
        Encode(DecodedImage.Opaque(image), format, options, destination);

    /// <exception cref="IOException">The encoder failed, or <paramref name="destination"/> did.</exception>
    public static void Encode(DecodedImage image, ImageFileFormat format, ImageWriteOptions options, Stream destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Quality, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Quality, 100, nameof(options));

        var (pixels, info) = Layout(image, format);
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            // Encoded in native memory, then written: a managed stream under Skia would be called back from native
            // code, where an I/O error (a full disk) cannot unwind and kills the process.
            using var wrapped = new SKDynamicMemoryWStream();
            var written = format switch
            {
                ImageFileFormat.Png => pixmap.Encode(wrapped, new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 6)),
                ImageFileFormat.Jpeg => pixmap.Encode(wrapped, new SKJpegEncoderOptions(options.Quality)),
                ImageFileFormat.Webp => pixmap.Encode(wrapped, new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossless, 75)),
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown image format"),
            };
            if (!written)
            {
                throw new IOException($"Skia's {format} encoder failed on a {info.Width}x{info.Height} image");
            }

            using var encoded = wrapped.DetachAsData();
            destination.Write(encoded.AsSpan());
        }
        finally
        {
            handle.Free();
        }
    }

    private static (byte[] Pixels, SKImageInfo Info) Layout(DecodedImage image, ImageFileFormat format)
    {
        var (width, height) = (image.Rgb.Width, image.Rgb.Height);
        var alpha = format == ImageFileFormat.Jpeg ? null : image.Alpha;
        var grey = image.Info.IsGrey;
        // Skia encodes grey (Gray8) to PNG and JPEG but has no grey+alpha type, and WebP stores no grey at all:
        // those stay grey as R = G = B. Unpremultiplied, so colour under transparent pixels is written unchanged.
        if (grey && alpha is null && format != ImageFileFormat.Webp)
        {
            return (GreyPlane(image.Rgb), new SKImageInfo(width, height, SKColorType.Gray8, SKAlphaType.Opaque));
        }

        // Skia has no packed 24-bit colour type, so the pixels are widened to RGBA once; opaque when there is no
        // alpha, so PNG and WebP write no alpha channel.
        var alphaType = alpha is null ? SKAlphaType.Opaque : SKAlphaType.Unpremul;
        return (ToRgba(image.Rgb, alpha, grey), new SKImageInfo(width, height, SKColorType.Rgba8888, alphaType));
    }

    // A network fed R = G = B returns three slightly different planes; their rounded mean is the grey written.
    private static byte Mean(byte[] rgb, int at) => (byte)((rgb[at] + rgb[at + 1] + rgb[at + 2] + 1) / 3);

    private static byte[] GreyPlane(Rgb8Image image)
    {
        var grey = GC.AllocateUninitializedArray<byte>(image.Width * image.Height);
        for (int s = 0, d = 0; d < grey.Length; s += 3, d++)
        {
            grey[d] = Mean(image.Data, s);
        }

        return grey;
    }

    private static byte[] ToRgba(Rgb8Image image, byte[]? alpha, bool grey)
    {
        var rgb = image.Data;
        var rgba = GC.AllocateUninitializedArray<byte>(image.Width * image.Height * 4);
        for (int s = 0, d = 0, p = 0; s < rgb.Length; s += 3, d += 4, p++)
        {
            if (grey)
            {
                rgba[d] = rgba[d + 1] = rgba[d + 2] = Mean(rgb, s);
            }
            else
            {
                rgba[d] = rgb[s];
                rgba[d + 1] = rgb[s + 1];
                rgba[d + 2] = rgb[s + 2];
            }

            rgba[d + 3] = alpha is null ? (byte)255 : alpha[p];
        }

        return rgba;
    }
}
