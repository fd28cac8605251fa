namespace NeuralPost.Tests.Imaging;

/// <summary>
/// A deliberately naive 1-D bicubic written straight from the definition, to check the production code
/// against: every integer input position in a wide range is weighed by the (widened) kernel, positions
/// outside the signal read the nearest edge sample, and the weighted sum is divided by the weight sum.
/// </summary>
internal static class ReferenceBicubic
{
    public static double Kernel(double x)
    {
        double a = Math.Abs(x);
        if (a <= 1)
        {
            return (((1.5 * a) - 2.5) * a * a) + 1;
        }

        return a <= 2 ? (((((-0.5 * a) + 2.5) * a) - 4) * a) + 2 : 0;
    }

    /// <summary>Resamples <paramref name="input"/> to <paramref name="outLength"/> samples at the given scale.</summary>
    public static double[] Resample(IReadOnlyList<double> input, int outLength, double scale)
    {
        int n = input.Count;
        var output = new double[outLength];
        for (int o = 0; o < outLength; o++)
        {
            // Pixel centres: output sample o+1 (1-based) sits at this 1-based input coordinate.
            double centre = ((o + 1) / scale) + (0.5 * (1 - (1 / scale)));
            double weightSum = 0, valueSum = 0;
            for (int j = -64; j <= n + 64; j++)
            {
                double w = scale < 1 ? scale * Kernel(scale * (centre - j)) : Kernel(centre - j);
                weightSum += w;
                valueSum += w * input[Math.Clamp(j, 1, n) - 1];
            }

            output[o] = valueSum / weightSum;
        }

        return output;
    }

    /// <summary>Round half away from zero and saturate, as MATLAB converts to uint8.</summary>
    public static byte ToUint8(double v) => (byte)Math.Clamp(Math.Round(v, MidpointRounding.AwayFromZero), 0, 255);

    /// <summary>
    /// 2-D resize of one interleaved RGB image, axis by axis: the smaller scale first (height first on ties),
    /// optionally rounding to uint8 after each axis.
    /// </summary>
    public static double[] Resize(
        double[] pixels, int width, int height, int outWidth, int outHeight, double scaleX, double scaleY, bool roundEachPass)
    {
        double[] current = pixels;
        int w = width, h = height;
        bool heightFirst = scaleY <= scaleX;
        for (int pass = 0; pass < 2; pass++)
        {
            bool vertical = (pass == 0) == heightFirst;
            if (vertical)
            {
                current = ResizeAxis(current, w, h, 3, outHeight, scaleY, vertical: true, roundEachPass);
                h = outHeight;
            }
            else
            {
                current = ResizeAxis(current, w, h, 3, outWidth, scaleX, vertical: false, roundEachPass);
                w = outWidth;
            }
        }

        return current;
    }

    private static double[] ResizeAxis(
        double[] pixels, int width, int height, int channels, int outLength, double scale, bool vertical, bool round)
    {
        int outWidth = vertical ? width : outLength;
        int outHeight = vertical ? outLength : height;
        var result = new double[outWidth * outHeight * channels];
        int lines = vertical ? width : height;
        int length = vertical ? height : width;
        for (int line = 0; line < lines; line++)
        {
            for (int c = 0; c < channels; c++)
            {
                var samples = new double[length];
                for (int i = 0; i < length; i++)
                {
                    int x = vertical ? line : i, y = vertical ? i : line;
                    samples[i] = pixels[(((y * width) + x) * channels) + c];
                }

                double[] resampled = Resample(samples, outLength, scale);
                for (int i = 0; i < outLength; i++)
                {
                    int x = vertical ? line : i, y = vertical ? i : line;
                    result[(((y * outWidth) + x) * channels) + c] = round ? ToUint8(resampled[i]) : resampled[i];
                }
            }
        }

        return result;
    }
}
