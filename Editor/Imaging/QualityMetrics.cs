namespace NeuralPost.Imaging;

/// <summary>
/// Image quality metrics following the SR benchmark protocol: PSNR and SSIM on the BT.601 luma (as MATLAB's
/// <c>rgb2ycbcr</c>, kept as float) after cropping a border, plus RGB variants for tasks evaluated in colour.
/// All values are on the 0..255 scale.
/// </summary>
public static class QualityMetrics
{
    private const double Peak = 255.0;

    /// <summary>PSNR in dB of the luma of <paramref name="result"/> against <paramref name="reference"/>.</summary>
    /// <param name="result">Image under test.</param>
    /// <param name="reference">Ground truth of the same size.</param>
    /// <param name="borderCrop">Pixels ignored on every border (the SR scale, by convention).</param>
    /// <returns>10 log10(255^2 / MSE); positive infinity when the cropped lumas are identical.</returns>
    public static double PsnrY(Rgb8Image result, Rgb8Image reference, int borderCrop)
    {
        var (width, height) = CroppedSize(result, reference, borderCrop, 1);
        double[] a = Luma(result, borderCrop, width, height);
        double[] b = Luma(reference, borderCrop, width, height);
        return PsnrFromMse(MeanSquaredError(a, b));
    }

    /// <summary>Mean SSIM of the luma of <paramref name="result"/> against <paramref name="reference"/>.</summary>
    /// <param name="result">Image under test.</param>
    /// <param name="reference">Ground truth of the same size.</param>
    /// <param name="borderCrop">Pixels ignored on every border; what remains must be at least 11x11.</param>
    /// <returns>The SSIM, 1 for identical images.</returns>
    public static double SsimY(Rgb8Image result, Rgb8Image reference, int borderCrop)
    {
        var (width, height) = CroppedSize(result, reference, borderCrop, StructuralSimilarity.WindowSize);
        double[] a = Luma(result, borderCrop, width, height);
        double[] b = Luma(reference, borderCrop, width, height);
        return StructuralSimilarity.Mean(a, b, width, height);
    }

    /// <summary>PSNR in dB over the R, G and B samples together (the MSE is the mean of the channel MSEs).</summary>
    /// <param name="result">Image under test.</param>
    /// <param name="reference">Ground truth of the same size.</param>
    /// <param name="borderCrop">Pixels ignored on every border.</param>
    /// <returns>10 log10(255^2 / MSE); positive infinity when the cropped images are identical.</returns>
    public static double PsnrRgb(Rgb8Image result, Rgb8Image reference, int borderCrop)
    {
        var (width, height) = CroppedSize(result, reference, borderCrop, 1);
        double mse = 0.0;
        for (int c = 0; c < 3; c++)
        {
            mse += MeanSquaredError(Channel(result, c, borderCrop, width, height), Channel(reference, c, borderCrop, width, height));
        }

        return PsnrFromMse(mse / 3.0);
    }

    /// <summary>Mean over R, G and B of the per-channel SSIM.</summary>
    /// <param name="result">Image under test.</param>
    /// <param name="reference">Ground truth of the same size.</param>
    /// <param name="borderCrop">Pixels ignored on every border; what remains must be at least 11x11.</param>
    /// <returns>The SSIM, 1 for identical images.</returns>
    public static double SsimRgb(Rgb8Image result, Rgb8Image reference, int borderCrop)
    {
        var (width, height) = CroppedSize(result, reference, borderCrop, StructuralSimilarity.WindowSize);
        double sum = 0.0;
        for (int c = 0; c < 3; c++)
        {
            sum += StructuralSimilarity.Mean(
                Channel(result, c, borderCrop, width, height), Channel(reference, c, borderCrop, width, height), width, height);
        }

        return sum / 3.0;
    }

    private static (int Width, int Height) CroppedSize(Rgb8Image result, Rgb8Image reference, int borderCrop, int minimum)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentOutOfRangeException.ThrowIfNegative(borderCrop);
        if (result.Width != reference.Width || result.Height != reference.Height)
        {
            throw new ArgumentException(
                $"Result is {result.Width}x{result.Height} but reference is {reference.Width}x{reference.Height}.",
                nameof(result));
        }

        int width = result.Width - (2 * borderCrop);
        int height = result.Height - (2 * borderCrop);
        if (width < minimum || height < minimum)
        {
            throw new ArgumentException(
                $"Cropping {borderCrop} pixels from a {result.Width}x{result.Height} image leaves less than {minimum}x{minimum}.",
                nameof(borderCrop));
        }

        return (width, height);
    }

    private static double[] Luma(Rgb8Image image, int crop, int width, int height)
    {
        var plane = new double[width * height];
        byte[] data = image.Data;
        for (int y = 0; y < height; y++)
        {
            int src = (((y + crop) * image.Width) + crop) * 3;
            for (int x = 0; x < width; x++, src += 3)
            {
                plane[(y * width) + x] = 16.0 + (((65.481 * data[src]) + (128.553 * data[src + 1]) + (24.966 * data[src + 2])) / 255.0);
            }
        }

        return plane;
    }

    private static double[] Channel(Rgb8Image image, int channel, int crop, int width, int height)
    {
        var plane = new double[width * height];
        byte[] data = image.Data;
        for (int y = 0; y < height; y++)
        {
            int src = ((((y + crop) * image.Width) + crop) * 3) + channel;
            for (int x = 0; x < width; x++, src += 3)
            {
                plane[(y * width) + x] = data[src];
            }
        }

        return plane;
    }

    private static double MeanSquaredError(double[] a, double[] b)
    {
        double sum = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            double d = a[i] - b[i];
            sum += d * d;
        }

        return sum / a.Length;
    }

    private static double PsnrFromMse(double mse) =>
        mse == 0.0 ? double.PositiveInfinity : 10.0 * Math.Log10(Peak * Peak / mse);
}
