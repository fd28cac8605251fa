namespace NeuralPost.Imaging;

/// <summary>
/// Single-image haze removal with the dark channel prior (He, Sun and Tang, CVPR 2009): a classic, training-free
/// baseline for the dehaze network.
/// </summary>
/// <remarks>
/// <para>With the scattering model I = J t + A (1 - t), the dark channel of a haze-free image is near zero, so
/// t = 1 - omega * dark(I / A), where dark(X) is the minimum over the colour channels and over a square patch.</para>
/// <list type="number">
/// <item><description>Dark channel: min over R, G, B, then a min filter over <see cref="DarkChannelPriorOptions.PatchSize"/>
/// (windows clipped at the borders).</description></item>
/// <item><description>Airlight A: among the pixels with the brightest dark channel
/// (<see cref="DarkChannelPriorOptions.AirlightFraction"/>, 0.1 %, at least one; ties at the threshold taken in
/// row-major order) the input pixel with the largest R + G + B, as in the paper (not their average).</description></item>
/// <item><description>Transmission t = 1 - omega * dark(I / A), refined by a guided filter on the grey (BT.601 luma)
/// image instead of the paper's soft matting (as in He et al.'s guided filter paper), with O(N) box means.</description></item>
/// <item><description>Radiance J = (I - A) / max(t, t0) + A, clamped to [0, 1] and rounded to 8 bits.</description></item>
/// </list>
/// <para>All work is in single/double precision on the 0..1 scale; cost O(W H (patch + 1)), independent of the guided
/// filter radius.</para>
/// </remarks>
public static class DarkChannelPrior
{
    /// <summary>Removes haze from <paramref name="hazy"/>.</summary>
    /// <param name="hazy">Hazy input image.</param>
    /// <param name="options">Parameters; null for the paper's defaults.</param>
    /// <returns>A new image of the same size.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hazy"/> is null.</exception>
    public static Rgb8Image Dehaze(Rgb8Image hazy, DarkChannelPriorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hazy);
        options ??= new DarkChannelPriorOptions();
        int width = hazy.Width;
        int height = hazy.Height;
        int n = width * height;
        byte[] src = hazy.Data;

        DarkChannelAirlight airlight = EstimateAirlight(hazy, options);
        // a black airlight would divide by zero: one 8-bit level is the floor
        const double Floor = 1.0 / 255.0;
        double ar = Math.Max(airlight.R, Floor);
        double ag = Math.Max(airlight.G, Floor);
        double ab = Math.Max(airlight.B, Floor);

        // dark channel of I / A
        var normalizedMin = new float[n];
        var grey = new float[n];
        for (int i = 0; i < n; i++)
        {
            double r = src[3 * i] / 255.0;
            double g = src[(3 * i) + 1] / 255.0;
            double b = src[(3 * i) + 2] / 255.0;
            normalizedMin[i] = (float)Math.Min(r / ar, Math.Min(g / ag, b / ab));
            grey[i] = (float)((0.299 * r) + (0.587 * g) + (0.114 * b));
        }

        float[] dark = MinFilter(normalizedMin, width, height, options.PatchSize);
        var rawTransmission = new float[n];
        float omega = (float)options.Omega;
        for (int i = 0; i < n; i++)
        {
            rawTransmission[i] = 1f - (omega * dark[i]);
        }

        int radius = options.EffectiveGuidedFilterRadius(width, height);
        float[] transmission = GuidedFilter.Apply(grey, rawTransmission, width, height, radius, options.GuidedFilterEpsilon);

        var result = new Rgb8Image(width, height);
        byte[] dst = result.Data;
        double t0 = options.MinTransmission;
        for (int i = 0; i < n; i++)
        {
            double t = Math.Clamp(transmission[i], t0, 1.0);
            dst[3 * i] = ToByte(((src[3 * i] / 255.0) - ar) / t + ar);
            dst[(3 * i) + 1] = ToByte(((src[(3 * i) + 1] / 255.0) - ag) / t + ag);
            dst[(3 * i) + 2] = ToByte(((src[(3 * i) + 2] / 255.0) - ab) / t + ab);
        }

        return result;
    }

    /// <summary>Estimates the atmospheric light as <see cref="Dehaze"/> does (see the class remarks).</summary>
    /// <param name="hazy">Hazy input image.</param>
    /// <param name="options">Parameters (patch size, airlight fraction); null for the defaults.</param>
    /// <returns>The airlight colour, 0..1 per channel.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="hazy"/> is null.</exception>
    public static DarkChannelAirlight EstimateAirlight(Rgb8Image hazy, DarkChannelPriorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hazy);
        options ??= new DarkChannelPriorOptions();
        byte[] dark = DarkChannel(hazy, options.PatchSize);
        int n = dark.Length;
        int wanted = (int)Math.Clamp(Math.Floor(n * options.AirlightFraction), 1, n);

        // the dark channel of 8-bit data has 256 levels: find the threshold level with a histogram, no sort
        var histogram = new int[256];
        foreach (byte v in dark)
        {
            histogram[v]++;
        }

        int threshold = 255;
        int above = 0; // pixels strictly brighter than threshold
        while (above + histogram[threshold] < wanted)
        {
            above += histogram[threshold];
            threshold--;
        }

        int atThreshold = wanted - above;
        byte[] src = hazy.Data;
        int best = -1;
        int bestSum = -1;
        for (int i = 0; i < n; i++)
        {
            bool candidate = dark[i] > threshold || (dark[i] == threshold && atThreshold-- > 0);
            if (!candidate)
            {
                continue;
            }

            int sum = src[3 * i] + src[(3 * i) + 1] + src[(3 * i) + 2];
            if (sum > bestSum)
            {
                bestSum = sum;
                best = i;
            }
        }

        return new DarkChannelAirlight(src[3 * best] / 255.0, src[(3 * best) + 1] / 255.0, src[(3 * best) + 2] / 255.0);
    }

    /// <summary>Dark channel of an 8-bit image: min over R, G, B, then over the patch (clipped at the borders).</summary>
    /// <param name="image">Input image.</param>
    /// <param name="patchSize">Odd window side.</param>
    /// <returns>One byte per pixel, row-major.</returns>
    internal static byte[] DarkChannel(Rgb8Image image, int patchSize)
    {
        int n = image.Width * image.Height;
        byte[] src = image.Data;
        var channelMin = new float[n];
        for (int i = 0; i < n; i++)
        {
            channelMin[i] = Math.Min(src[3 * i], Math.Min(src[(3 * i) + 1], src[(3 * i) + 2]));
        }

        float[] filtered = MinFilter(channelMin, image.Width, image.Height, patchSize);
        var dark = new byte[n];
        for (int i = 0; i < n; i++)
        {
            dark[i] = (byte)filtered[i];
        }

        return dark;
    }

    /// <summary>Square min filter of side <paramref name="patchSize"/>, separable (rows, then columns), clipped at the borders.</summary>
    internal static float[] MinFilter(float[] source, int width, int height, int patchSize)
    {
        int r = patchSize / 2;
        var rows = new float[source.Length];
        for (int y = 0; y < height; y++)
        {
            int row = y * width;
            for (int x = 0; x < width; x++)
            {
                int x1 = Math.Min(width - 1, x + r);
                float m = float.PositiveInfinity;
                for (int k = Math.Max(0, x - r); k <= x1; k++)
                {
                    m = Math.Min(m, source[row + k]);
                }

                rows[row + x] = m;
            }
        }

        var output = new float[source.Length];
        for (int y = 0; y < height; y++)
        {
            int y0 = Math.Max(0, y - r);
            int y1 = Math.Min(height - 1, y + r);
            for (int x = 0; x < width; x++)
            {
                float m = float.PositiveInfinity;
                for (int k = y0; k <= y1; k++)
                {
                    m = Math.Min(m, rows[(k * width) + x]);
                }

                output[(y * width) + x] = m;
            }
        }

        return output;
    }

    private static byte ToByte(double v) => (byte)(Math.Clamp(v, 0.0, 1.0) * 255.0 + 0.5);
}
