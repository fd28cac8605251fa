using NeuralPost.Core;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;

namespace NeuralPost.Editor.Cli;

/// <summary>
/// Reads an image to be upscaled, refusing from its header alone one whose output would exceed
/// <see cref="TensorLimits.MaxImagePixels"/> (or, run as one tile, <see cref="TensorLimits.MaxBoundTensorBytes"/>),
/// before its pixels are decoded or any tile runs.
/// </summary>
internal static class UpscaleInput
{
    /// <summary>Loads <paramref name="path"/>, with its alpha and what it held, for an upscale by <paramref name="scale"/> in tiles of <paramref name="tileSize"/> (0: whole image).</summary>
    /// <exception cref="SizeLimitException">The upscaled image, or its one tile's tensor, would be over the limit.</exception>
    /// <exception cref="ImageFileException">The file cannot be read.</exception>
    public static DecodedImage Load(string path, int scale, int tileSize)
    {
        // The decoder checks its pixel limit from the header, so the largest input these limits allow is passed
        // as that limit, and a refusal is turned into the limit that was really broken.
        var square = (long)scale * scale;
        var outputLimit = TensorLimits.MaxImagePixels / square;
        var tensorLimit = tileSize == 0 ? TensorLimits.MaxBoundTensorBytes / (3 * sizeof(float) * square) : long.MaxValue;
        var limit = Math.Max(1, Math.Min(Math.Min(outputLimit, tensorLimit), ImageReadOptions.DefaultMaxPixels));
        try
        {
            return ImageFile.LoadWithInfo(path, new ImageReadOptions { MaxPixels = limit });
        }
        catch (ImageTooLargeException e) when ((long)e.Width * e.Height <= ImageReadOptions.DefaultMaxPixels)
        {
            TensorLimits.CheckImage((long)e.Width * scale, (long)e.Height * scale, $"{path}: x{scale} of {e.Width}x{e.Height}");
            TensorLimits.CheckBoundTensor((long)e.Height * scale, (long)e.Width * scale, $"{path}: --tile 0 runs the whole {e.Width}x{e.Height} image as one tile");
            throw;
        }
    }
}
