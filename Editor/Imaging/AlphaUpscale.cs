namespace NeuralPost.Imaging;

/// <summary>
/// Enlarges an alpha plane for an upscaled image. The networks only see colour, so alpha takes the benchmarks'
/// baseline operator, MATLAB bicubic, computed in float and rounded once; its overshoot at hard edges is clamped,
/// so fully transparent and fully opaque regions stay exactly 0 and 255 away from their edges.
/// </summary>
public static class AlphaUpscale
{
    /// <summary>Enlarges <paramref name="alpha"/> by <paramref name="factor"/> on each side.</summary>
    /// <param name="alpha">One byte per pixel, row-major, <paramref name="width"/> * <paramref name="height"/> of them.</param>
    /// <param name="width">Width in pixels, at least one.</param>
    /// <param name="height">Height in pixels, at least one.</param>
    /// <param name="factor">Integer enlargement factor, at least one.</param>
    /// <returns>A new plane of (<paramref name="width"/> * <paramref name="factor"/>) x (<paramref name="height"/> * <paramref name="factor"/>) bytes.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A size or the factor is not positive.</exception>
    /// <exception cref="ArgumentException"><paramref name="alpha"/> is not <paramref name="width"/> * <paramref name="height"/> bytes.</exception>
    /// <exception cref="OverflowException">The enlarged plane would not fit in one array.</exception>
    public static byte[] Bicubic(byte[] alpha, int width, int height, int factor)
    {
        ArgumentNullException.ThrowIfNull(alpha);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        if (alpha.Length != (long)width * height)
        {
            throw new ArgumentException($"alpha holds {alpha.Length} bytes, but a {width}x{height} plane needs {(long)width * height}.", nameof(alpha));
        }

        var (outWidth, outHeight) = (checked(width * factor), checked(height * factor));
        var source = new float[alpha.Length];
        for (var i = 0; i < alpha.Length; i++)
        {
            source[i] = alpha[i];
        }

        var enlarged = new float[checked(outWidth * outHeight)];
        MatlabBicubic.Resize(source, 1, height, width, enlarged, outHeight, outWidth);
        var result = GC.AllocateUninitializedArray<byte>(enlarged.Length);
        for (var i = 0; i < enlarged.Length; i++)
        {
            result[i] = (byte)Math.Clamp(MathF.Round(enlarged[i]), 0f, 255f);
        }

        return result;
    }
}
