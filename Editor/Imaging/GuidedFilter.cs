namespace NeuralPost.Imaging;

/// <summary>
/// Grey-guide guided filter (He, Sun and Tang, ECCV 2010) with O(N) box means from summed-area tables, so the cost
/// does not depend on the radius. Windows are clipped at the image borders (means over the pixels inside).
/// </summary>
internal static class GuidedFilter
{
    /// <summary>Filters <paramref name="input"/> guided by <paramref name="guide"/>: q = mean(a) * I + mean(b).</summary>
    /// <param name="guide">Guide image I, row-major, <paramref name="width"/> * <paramref name="height"/> values.</param>
    /// <param name="input">Image p to filter, same layout.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="radius">Window radius r (window 2r + 1), at least 0.</param>
    /// <param name="epsilon">Regularisation, larger is smoother.</param>
    /// <returns>The filtered image.</returns>
    public static float[] Apply(float[] guide, float[] input, int width, int height, int radius, double epsilon)
    {
        int n = width * height;
        var meanI = new double[n];
        var meanP = new double[n];
        var corrII = new double[n];
        var corrIP = new double[n];
        var tmp = new double[n];
        for (int i = 0; i < n; i++)
        {
            tmp[i] = guide[i];
        }

        BoxMean(tmp, meanI, width, height, radius);
        for (int i = 0; i < n; i++)
        {
            tmp[i] = input[i];
        }

        BoxMean(tmp, meanP, width, height, radius);
        for (int i = 0; i < n; i++)
        {
            tmp[i] = (double)guide[i] * guide[i];
        }

        BoxMean(tmp, corrII, width, height, radius);
        for (int i = 0; i < n; i++)
        {
            tmp[i] = (double)guide[i] * input[i];
        }

        BoxMean(tmp, corrIP, width, height, radius);

        // a and b overwrite corrII and corrIP
        double[] a = corrII;
        double[] b = corrIP;
        for (int i = 0; i < n; i++)
        {
            double variance = Math.Max(0.0, corrII[i] - (meanI[i] * meanI[i]));
            double covariance = corrIP[i] - (meanI[i] * meanP[i]);
            double ai = covariance / (variance + epsilon);
            a[i] = ai;
            b[i] = meanP[i] - (ai * meanI[i]);
        }

        BoxMean(a, meanI, width, height, radius);
        BoxMean(b, meanP, width, height, radius);
        var output = new float[n];
        for (int i = 0; i < n; i++)
        {
            output[i] = (float)((meanI[i] * guide[i]) + meanP[i]);
        }

        return output;
    }

    /// <summary>Mean over the (2r + 1)^2 window clipped to the image, via a summed-area table: O(N) for any r.</summary>
    /// <param name="source">Values, row-major.</param>
    /// <param name="destination">Receives the means; may not alias <paramref name="source"/>.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <param name="radius">Window radius.</param>
    internal static void BoxMean(double[] source, double[] destination, int width, int height, int radius)
    {
        int stride = width + 1;
        var sat = new double[(height + 1) * stride];
        for (int y = 0; y < height; y++)
        {
            double rowSum = 0.0;
            int row = y * width;
            int satRow = (y + 1) * stride;
            for (int x = 0; x < width; x++)
            {
                rowSum += source[row + x];
                sat[satRow + x + 1] = sat[satRow - stride + x + 1] + rowSum;
            }
        }

        for (int y = 0; y < height; y++)
        {
            int y0 = Math.Max(0, y - radius);
            int y1 = Math.Min(height, y + radius + 1);
            for (int x = 0; x < width; x++)
            {
                int x0 = Math.Max(0, x - radius);
                int x1 = Math.Min(width, x + radius + 1);
                double sum = sat[(y1 * stride) + x1] - sat[(y0 * stride) + x1] - sat[(y1 * stride) + x0] + sat[(y0 * stride) + x0];
                destination[(y * width) + x] = sum / ((y1 - y0) * (x1 - x0));
            }
        }
    }
}
