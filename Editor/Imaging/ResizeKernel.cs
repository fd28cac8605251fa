namespace NeuralPost.Imaging;

/// <summary>
/// Precomputed taps of one 1-D bicubic resampling pass: for every output sample, the input indices it reads
/// (already mapped into range) and their normalised weights. Built once per axis per call so the pixel loops
/// do no kernel evaluation and no allocation.
/// </summary>
internal readonly struct ResizeKernel
{
    // MATLAB's cubic support is 4 samples wide before antialias widening.
    private const double CubicWidth = 4.0;

    private ResizeKernel(int outLength, int taps, int[] indices, double[] weights)
    {
        OutLength = outLength;
        Taps = taps;
        Indices = indices;
        Weights = weights;
    }

    /// <summary>Number of output samples.</summary>
    public int OutLength { get; }

    /// <summary>Taps per output sample; <see cref="Indices"/> and <see cref="Weights"/> hold OutLength*Taps entries.</summary>
    public int Taps { get; }

    /// <summary>Zero-based input index of each tap, replicated at the borders.</summary>
    public int[] Indices { get; }

    /// <summary>Weight of each tap; each output's weights sum to one.</summary>
    public double[] Weights { get; }

    /// <summary>
    /// Computes the taps the way MATLAB's <c>imresize</c> does (its <c>contributions</c> step), so that the
    /// 8-bit path reproduces MATLAB outputs bit for bit.
    /// </summary>
    /// <param name="inLength">Input samples along the axis.</param>
    /// <param name="outLength">Output samples along the axis.</param>
    /// <param name="scale">Output/input scale; below one the kernel is widened (antialiasing).</param>
    public static ResizeKernel Create(int inLength, int outLength, double scale)
    {
        bool antialias = scale < 1.0;
        double kernelWidth = antialias ? CubicWidth / scale : CubicWidth;
        int span = (int)Math.Ceiling(kernelWidth) + 2;

        var left = new int[outLength];
        var raw = new double[outLength * span];
        for (int o = 0; o < outLength; o++)
        {
            // 1-based coordinates as in MATLAB: the output sample centre mapped into input space.
            double u = ((o + 1) / scale) + (0.5 * (1.0 - (1.0 / scale)));
            int first = (int)Math.Floor(u - (kernelWidth / 2.0));
            left[o] = first;
            double sum = 0.0;
            for (int t = 0; t < span; t++)
            {
                double x = u - (first + t);
                double w = antialias ? scale * Cubic(scale * x) : Cubic(x);
                raw[(o * span) + t] = w;
                sum += w;
            }

            for (int t = 0; t < span; t++)
            {
                raw[(o * span) + t] /= sum;
            }
        }

        // Columns that are zero for every output contribute nothing; dropping the outer ones only saves work.
        int lo = 0;
        while (lo < span - 1 && ColumnIsZero(raw, outLength, span, lo))
        {
            lo++;
        }

        int hi = span - 1;
        while (hi > lo && ColumnIsZero(raw, outLength, span, hi))
        {
            hi--;
        }

        int taps = hi - lo + 1;
        var indices = new int[outLength * taps];
        var weights = new double[outLength * taps];
        for (int o = 0; o < outLength; o++)
        {
            for (int t = 0; t < taps; t++)
            {
                // Replicate, not MATLAB's mirror: the benchmark LR files are only reproduced with replication.
                int oneBased = left[o] + lo + t;
                indices[(o * taps) + t] = Math.Clamp(oneBased, 1, inLength) - 1;
                weights[(o * taps) + t] = raw[(o * span) + lo + t];
            }
        }

        return new ResizeKernel(outLength, taps, indices, weights);
    }

    /// <summary>Keys' cubic convolution kernel with a = -0.5, as MATLAB defines it.</summary>
    internal static double Cubic(double x)
    {
        double ax = Math.Abs(x);
        double ax2 = ax * ax;
        double ax3 = ax2 * ax;
        if (ax <= 1.0)
        {
            return (1.5 * ax3) - (2.5 * ax2) + 1.0;
        }

        if (ax <= 2.0)
        {
            return (-0.5 * ax3) + (2.5 * ax2) - (4.0 * ax) + 2.0;
        }

        return 0.0;
    }

    private static bool ColumnIsZero(double[] raw, int rows, int span, int column)
    {
        for (int o = 0; o < rows; o++)
        {
            if (raw[(o * span) + column] != 0.0)
            {
                return false;
            }
        }

        return true;
    }
}
