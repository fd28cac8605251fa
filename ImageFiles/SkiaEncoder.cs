using System.Runtime.InteropServices;
using NeuralPost.Imaging;
using SkiaSharp;

namespace NeuralPost.ImageFiles;

/// <summary>Encodes an <see cref="Rgb8Image"/> through Skia's PNG, JPEG and WebP encoders.</summary>
internal static class SkiaEncoder
{
    /// <exception cref="IOException">The encoder failed, or <paramref name="destination"/> did.</exception>
    public static void Encode(Rgb8Image image, ImageFileFormat format, ImageWriteOptions options, Stream destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Quality, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Quality, 100, nameof(options));

        // Skia has no packed 24-bit colour type, so the pixels are widened to RGBA once; opaque, so PNG and WebP
        // write no alpha channel.
        var rgba = ToRgba(image);
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var handle = GCHandle.Alloc(rgba, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), image.Width * 4);
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
                throw new IOException($"Skia's {format} encoder failed on a {image.Width}x{image.Height} image");
            }

            using var encoded = wrapped.DetachAsData();
            destination.Write(encoded.AsSpan());
        }
        finally
        {
            handle.Free();
        }
    }

    private static byte[] ToRgba(Rgb8Image image)
    {
        var rgb = image.Data;
        var rgba = GC.AllocateUninitializedArray<byte>(image.Width * image.Height * 4);
        for (int s = 0, d = 0; s < rgb.Length; s += 3, d += 4)
        {
            rgba[d] = rgb[s];
            rgba[d + 1] = rgb[s + 1];
            rgba[d + 2] = rgb[s + 2];
            rgba[d + 3] = 255;
        }

        return rgba;
    }
}
