using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

/// <summary>Deterministic test images for encoder tests.</summary>
internal static class PngTestImages
{
    public static readonly PngColorKind[] Kinds = [PngColorKind.Gray, PngColorKind.GrayAlpha, PngColorKind.Rgb, PngColorKind.Rgba];

    /// <summary>Random samples: every byte value and many Paeth ties, which smooth formulas rarely hit.</summary>
    public static PngImage Random(int width, int height, PngColorKind kind, int bitDepth, int seed = 1)
    {
        var samples = new byte[width * height * (int)kind * (bitDepth / 8)];
        new Random(seed).NextBytes(samples);
        return new PngImage(width, height, kind, bitDepth, samples);
    }

    /// <summary>Random image whose samples take only a few values, so neighbouring predictors often tie.</summary>
    public static PngImage FewLevels(int width, int height, PngColorKind kind, int bitDepth, int seed = 2)
    {
        PngImage image = Random(width, height, kind, bitDepth, seed);
        for (int i = 0; i < image.Samples.Length; i++)
        {
            image.Samples[i] = (byte)((image.Samples[i] % 4) * 40);
        }

        return image;
    }
}
