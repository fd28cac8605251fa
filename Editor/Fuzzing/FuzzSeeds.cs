using NeuralPost.ImageFiles;
using NeuralPost.Imaging;
using SkiaSharp;

namespace NeuralPost.Editor.Fuzzing;

/// <summary>
/// The seeds: small images of every format the reader accepts, made here (PNG, baseline JPEG in colour and
/// grey, lossy and lossless WebP through Skia; BMP and GIF by hand, since Skia writes neither), plus every
/// image file of a corpus folder (by magic number, so scripts and notes beside fixtures are skipped).
/// </summary>
internal static class FuzzSeeds
{
    private const int MaxCorpusFileBytes = 1 << 20;

    public static List<FuzzSeed> Load(IEnumerable<string> corpusFolders)
    {
        var seeds = Generated();
        foreach (var folder in corpusFolders)
        {
            if (!Directory.Exists(folder))
            {
                throw new DirectoryNotFoundException($"corpus folder not found: {folder}");
            }

            seeds.AddRange(Directory.EnumerateFiles(folder)
                .Where(f => new FileInfo(f).Length is > 0 and <= MaxCorpusFileBytes)
                .Order(StringComparer.Ordinal)
                .Select(f => new FuzzSeed(Path.GetFileName(f), File.ReadAllBytes(f)))
                .Where(s => s.Format != FuzzSeed.Other));
        }

        return seeds;
    }

    public static List<FuzzSeed> Generated()
    {
        var image = Gradient(16, 12);
        return
        [
            new("generated.png", ImageFile.Encode(image, ImageFileFormat.Png)),
            new("generated-q90.jpg", ImageFile.Encode(image, ImageFileFormat.Jpeg)),
            new("generated-q30.jpg", ImageFile.Encode(image, ImageFileFormat.Jpeg, new ImageWriteOptions { Quality = 30 })),
            new("generated-grey.jpg", EncodeGrey(image, SKEncodedImageFormat.Jpeg, 80)),
            new("generated-lossless.webp", ImageFile.Encode(image, ImageFileFormat.Webp)),
            new("generated-lossy.webp", EncodeGrey(image, SKEncodedImageFormat.Webp, 60)),
            new("generated-24.bmp", BmpSeed.Rgb24(image)),
            new("generated.gif", GifSeed.TwoColour(8, 6)),
        ];
    }

    private static Rgb8Image Gradient(int width, int height)
    {
        var image = new Rgb8Image(width, height);
        for (int y = 0, i = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++, i += 3)
            {
                image.Data[i] = (byte)(x * 255 / width);
                image.Data[i + 1] = (byte)(y * 255 / height);
                image.Data[i + 2] = (byte)((x ^ y) * 16);
            }
        }

        return image;
    }

    /// <summary>The image's green channel as an 8-bit grey bitmap, in a format and quality our writer does not offer.</summary>
    private static byte[] EncodeGrey(Rgb8Image image, SKEncodedImageFormat format, int quality)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        var grey = new byte[image.Width * image.Height];
        for (int i = 0; i < grey.Length; i++)
        {
            grey[i] = image.Data[(i * 3) + 1];
        }

        System.Runtime.InteropServices.Marshal.Copy(grey, 0, bitmap.GetPixels(), grey.Length);
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }
}
