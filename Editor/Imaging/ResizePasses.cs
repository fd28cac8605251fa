namespace NeuralPost.Imaging;

/// <summary>
/// The 1-D passes behind <see cref="MatlabBicubic"/>. Each output sample is the tap-ordered sum of
/// weight*input, accumulated in double from zero, which is the order MATLAB uses; the 8-bit passes round
/// after each pass because MATLAB's uint8 resize does.
/// </summary>
internal static class ResizePasses
{
    /// <summary>Resamples the rows of an interleaved 8-bit image (the height axis).</summary>
    public static void VerticalBytes(ReadOnlySpan<byte> source, int rowLength, in ResizeKernel kernel, Span<byte> destination)
    {
        var acc = new double[rowLength];
        int taps = kernel.Taps;
        for (int o = 0; o < kernel.OutLength; o++)
        {
            Array.Clear(acc);
            for (int t = 0; t < taps; t++)
            {
                double w = kernel.Weights[(o * taps) + t];
                ReadOnlySpan<byte> row = source.Slice(kernel.Indices[(o * taps) + t] * rowLength, rowLength);
                for (int j = 0; j < row.Length; j++)
                {
                    acc[j] += w * row[j];
                }
            }

            Span<byte> outRow = destination.Slice(o * rowLength, rowLength);
            for (int j = 0; j < outRow.Length; j++)
            {
                outRow[j] = ToByte(acc[j]);
            }
        }
    }

    /// <summary>Resamples the columns of an interleaved 8-bit RGB image (the width axis).</summary>
    public static void HorizontalBytes(ReadOnlySpan<byte> source, int height, int inWidth, in ResizeKernel kernel, Span<byte> destination)
    {
        int taps = kernel.Taps;
        int outWidth = kernel.OutLength;
        ReadOnlySpan<int> indices = kernel.Indices;
        ReadOnlySpan<double> weights = kernel.Weights;
        for (int y = 0; y < height; y++)
        {
            ReadOnlySpan<byte> row = source.Slice(y * inWidth * 3, inWidth * 3);
            Span<byte> outRow = destination.Slice(y * outWidth * 3, outWidth * 3);
            for (int o = 0; o < outWidth; o++)
            {
                double r = 0.0, g = 0.0, b = 0.0;
                for (int t = 0; t < taps; t++)
                {
                    double w = weights[(o * taps) + t];
                    int p = indices[(o * taps) + t] * 3;
                    r += w * row[p];
                    g += w * row[p + 1];
                    b += w * row[p + 2];
                }

                outRow[o * 3] = ToByte(r);
                outRow[(o * 3) + 1] = ToByte(g);
                outRow[(o * 3) + 2] = ToByte(b);
            }
        }
    }

    /// <summary>Resamples the height axis of planar float data, channel by channel.</summary>
    public static void VerticalFloats(ReadOnlySpan<float> source, int channels, int inHeight, int width, in ResizeKernel kernel, Span<float> destination)
    {
        var acc = new double[width];
        int taps = kernel.Taps;
        int outHeight = kernel.OutLength;
        for (int c = 0; c < channels; c++)
        {
            ReadOnlySpan<float> plane = source.Slice(c * inHeight * width, inHeight * width);
            Span<float> outPlane = destination.Slice(c * outHeight * width, outHeight * width);
            for (int o = 0; o < outHeight; o++)
            {
                Array.Clear(acc);
                for (int t = 0; t < taps; t++)
                {
                    double w = kernel.Weights[(o * taps) + t];
                    ReadOnlySpan<float> row = plane.Slice(kernel.Indices[(o * taps) + t] * width, width);
                    for (int j = 0; j < row.Length; j++)
                    {
                        acc[j] += w * row[j];
                    }
                }

                Span<float> outRow = outPlane.Slice(o * width, width);
                for (int j = 0; j < outRow.Length; j++)
                {
                    outRow[j] = (float)acc[j];
                }
            }
        }
    }

    /// <summary>Resamples the width axis of planar float data; rows of all channels are treated alike.</summary>
    public static void HorizontalFloats(ReadOnlySpan<float> source, int rows, int inWidth, in ResizeKernel kernel, Span<float> destination)
    {
        int taps = kernel.Taps;
        int outWidth = kernel.OutLength;
        ReadOnlySpan<int> indices = kernel.Indices;
        ReadOnlySpan<double> weights = kernel.Weights;
        for (int y = 0; y < rows; y++)
        {
            ReadOnlySpan<float> row = source.Slice(y * inWidth, inWidth);
            Span<float> outRow = destination.Slice(y * outWidth, outWidth);
            for (int o = 0; o < outRow.Length; o++)
            {
                double sum = 0.0;
                for (int t = 0; t < taps; t++)
                {
                    sum += weights[(o * taps) + t] * row[indices[(o * taps) + t]];
                }

                outRow[o] = (float)sum;
            }
        }
    }

    /// <summary>MATLAB's double-to-uint8 conversion: round half away from zero, saturate, NaN to zero.</summary>
    internal static byte ToByte(double value)
    {
        if (!(value > 0.0))
        {
            return 0;
        }

        if (value >= 255.0)
        {
            return 255;
        }

        return (byte)Math.Round(value, MidpointRounding.AwayFromZero);
    }
}
