using System.Globalization;
using NeuralPost.Core;

namespace NeuralPost.Imaging;

/// <summary>
/// The largest images and tensors NeuralPost computes, checked in 64-bit arithmetic before anything is allocated,
/// so a request past them fails with a <see cref="SizeLimitException"/> instead of an overflow or an exhausted machine.
/// </summary>
public static class TensorLimits
{
    /// <summary>
    /// Largest image the upscaler produces, in pixels: 16384 x 16384 = 268,435,456, the size image files are read up
    /// to, so every output can be read back.
    /// </summary>
    public const long MaxImagePixels = 16384L * 16384L;

    /// <summary>
    /// Largest float32 tensor bound to a network, in bytes: 2 GiB. A whole-image run past it should be tiled.
    /// </summary>
    public const long MaxBoundTensorBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>Checks that an image of <paramref name="width"/> x <paramref name="height"/> pixels is within <see cref="MaxImagePixels"/>.</summary>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="what">What the image is, for the message, e.g. "x4 of 8192x8192".</param>
    /// <exception cref="SizeLimitException">The image would be larger than the limit, or a side is not positive.</exception>
    public static void CheckImage(long width, long height, string what)
    {
        // In double: sides that are themselves products (a size times a scale) could overflow even a long product.
        var pixels = (double)width * height;
        if (width < 1 || height < 1 || pixels > MaxImagePixels)
        {
            throw new SizeLimitException(string.Create(CultureInfo.InvariantCulture,
                $"{what} would be a {width}x{height} image ({pixels:N0} pixels), over the limit of {MaxImagePixels:N0} pixels (16384x16384)"));
        }
    }

    /// <summary>Checks that a 1x3xHxW float32 tensor is within <see cref="MaxBoundTensorBytes"/>; returns its length in values.</summary>
    /// <param name="height">Tensor height in pixels.</param>
    /// <param name="width">Tensor width in pixels.</param>
    /// <param name="what">What the tensor is, for the message.</param>
    /// <returns>3 * height * width.</returns>
    /// <exception cref="SizeLimitException">The tensor would be larger than the limit, or a side is not positive.</exception>
    public static int CheckBoundTensor(long height, long width, string what)
    {
        var bytes = 3.0 * height * width * sizeof(float);
        if (height < 1 || width < 1 || bytes > MaxBoundTensorBytes)
        {
            throw new SizeLimitException(string.Create(CultureInfo.InvariantCulture,
                $"{what}: the float32 tensor 1x3x{height}x{width} would take {bytes / (1024.0 * 1024 * 1024):F2} GiB, over the limit of 2 GiB; use smaller tiles"));
        }

        return (int)(3 * height * width);
    }
}
