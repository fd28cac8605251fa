namespace NeuralPost.Tests.Effects.Upscale;

/// <summary>
/// C# references for the analytic test models of Models/Testing/make_test_models.py, computed independently of
/// ONNX Runtime, so a test can check the whole inference path, not only self-consistency.
/// </summary>
internal static class AnalyticModels
{
    public static float[] Nearest(float[] input, int width, int height, int scale)
    {
        var outWidth = width * scale;
        var outHeight = height * scale;
        var output = new float[3 * outWidth * outHeight];
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < outHeight; y++)
            {
                for (var x = 0; x < outWidth; x++)
                {
                    output[(c * outHeight + y) * outWidth + x] = input[(c * height + y / scale) * width + x / scale];
                }
            }
        }

        return output;
    }

    /// <summary>test-blur-x2: two 5x5 cross-correlations with k[i,j] ~ (i+1)(j+2), zero padding, bias 0.01(c+1), then nearest x2.</summary>
    public static float[] BlurX2(float[] input, int width, int height)
    {
        var once = Blur(input, width, height);
        return Nearest(Blur(once, width, height), width, height, 2);
    }

    private static float[] Blur(float[] input, int width, int height)
    {
        var kernel = new double[5, 5];
        double sum = 0;
        for (var i = 0; i < 5; i++)
        {
            for (var j = 0; j < 5; j++)
            {
                kernel[i, j] = (i + 1) * (j + 2);
                sum += kernel[i, j];
            }
        }

        var output = new float[input.Length];
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    double acc = 0.01 * (c + 1);
                    for (var i = 0; i < 5; i++)
                    {
                        for (var j = 0; j < 5; j++)
                        {
                            var sy = y + i - 2;
                            var sx = x + j - 2;
                            if (sy >= 0 && sy < height && sx >= 0 && sx < width)
                            {
                                acc += kernel[i, j] / sum * input[(c * height + sy) * width + sx];
                            }
                        }
                    }

                    output[(c * height + y) * width + x] = (float)acc;
                }
            }
        }

        return output;
    }

    public static float[] RandomImage(int width, int height, int seed)
    {
        var random = new Random(seed);
        var data = new float[3 * width * height];
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = (float)random.NextDouble();
        }

        return data;
    }

    public static float MaxAbsDifference(float[] a, float[] b)
    {
        Assert.That(a, Has.Length.EqualTo(b.Length));
        var max = 0f;
        for (var i = 0; i < a.Length; i++)
        {
            max = Math.Max(max, Math.Abs(a[i] - b[i]));
        }

        return max;
    }
}
