namespace NeuralPost.Imaging;

/// <summary>
/// SSIM of Wang et al. (2004) on one plane of doubles: 11x11 Gaussian window with sigma 1.5, 'valid'
/// filtering, K1 = 0.01, K2 = 0.03, L = 255, mean of the map. No automatic downsampling, matching the
/// evaluation scripts the published SR tables were produced with.
/// </summary>
internal static class StructuralSimilarity
{
    /// <summary>Side of the square window.</summary>
    public const int WindowSize = 11;

    private const double Sigma = 1.5;
    private const double C1 = 0.01 * 255.0 * (0.01 * 255.0);
    private const double C2 = 0.03 * 255.0 * (0.03 * 255.0);

    // The 2-D Gaussian is the outer product of this 1-D one, so filtering can be done in two 1-D passes.
    private static readonly double[] Window = BuildWindow();

    /// <summary>Mean SSIM of two planes of equal size, each at least <see cref="WindowSize"/> on a side.</summary>
    public static double Mean(double[] x, double[] y, int width, int height)
    {
        int count = width * height;
        var xx = new double[count];
        var yy = new double[count];
        var xy = new double[count];
        for (int i = 0; i < count; i++)
        {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }

        double[] muX = FilterValid(x, width, height);
        double[] muY = FilterValid(y, width, height);
        double[] eXX = FilterValid(xx, width, height);
        double[] eYY = FilterValid(yy, width, height);
        double[] eXY = FilterValid(xy, width, height);

        double sum = 0.0;
        for (int i = 0; i < muX.Length; i++)
        {
            double mx = muX[i];
            double my = muY[i];
            double mxx = mx * mx;
            double myy = my * my;
            double mxy = mx * my;
            double varX = eXX[i] - mxx;
            double varY = eYY[i] - myy;
            double cov = eXY[i] - mxy;
            sum += ((2.0 * mxy) + C1) * ((2.0 * cov) + C2) / ((mxx + myy + C1) * (varX + varY + C2));
        }

        return sum / muX.Length;
    }

    private static double[] FilterValid(double[] source, int width, int height)
    {
        int outWidth = width - WindowSize + 1;
        int outHeight = height - WindowSize + 1;
        var rows = new double[height * outWidth];
        for (int y = 0; y < height; y++)
        {
            int rowStart = y * width;
            for (int x = 0; x < outWidth; x++)
            {
                double s = 0.0;
                for (int k = 0; k < WindowSize; k++)
                {
                    s += Window[k] * source[rowStart + x + k];
                }

                rows[(y * outWidth) + x] = s;
            }
        }

        var result = new double[outHeight * outWidth];
        for (int y = 0; y < outHeight; y++)
        {
            for (int k = 0; k < WindowSize; k++)
            {
                double w = Window[k];
                int src = (y + k) * outWidth;
                int dst = y * outWidth;
                for (int x = 0; x < outWidth; x++)
                {
                    result[dst + x] += w * rows[src + x];
                }
            }
        }

        return result;
    }

    private static double[] BuildWindow()
    {
        var window = new double[WindowSize];
        double sum = 0.0;
        int half = WindowSize / 2;
        for (int i = 0; i < WindowSize; i++)
        {
            double d = i - half;
            window[i] = Math.Exp(-(d * d) / (2.0 * Sigma * Sigma));
            sum += window[i];
        }

        for (int i = 0; i < WindowSize; i++)
        {
            window[i] /= sum;
        }

        return window;
    }
}
