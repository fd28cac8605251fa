using System.Buffers;

namespace NeuralPost.Imaging;

/// <summary>
/// Bicubic resizing compatible with MATLAB's <c>imresize(..., 'bicubic')</c>: cubic kernel with a = -0.5,
/// antialiasing when shrinking, replicated borders, separable passes with the smaller-scale axis first
/// (height first on ties). SR benchmarks define their low-resolution inputs and their bicubic baseline with
/// this exact operator, so the 8-bit path rounds after each pass as MATLAB does on uint8 data.
/// </summary>
public static class MatlabBicubic
{
    /// <summary>Resizes an 8-bit image to the given size; the scale of each axis is output/input.</summary>
    /// <param name="source">Image to resize.</param>
    /// <param name="width">Output width in pixels, at least one.</param>
    /// <param name="height">Output height in pixels, at least one.</param>
    /// <returns>A new image of the requested size.</returns>
    public static Rgb8Image Resize(Rgb8Image source, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        return ResizeBytes(source, width, height, (double)width / source.Width, (double)height / source.Height);
    }

    /// <summary>
    /// Shrinks an 8-bit image by an integer factor, like <c>imresize(img, 1/factor, 'bicubic')</c>; the output
    /// size is the input size divided by <paramref name="factor"/>, rounded down.
    /// </summary>
    /// <param name="source">Image to shrink; at least <paramref name="factor"/> pixels on each side.</param>
    /// <param name="factor">Integer shrink factor, at least one.</param>
    /// <returns>A new, smaller image.</returns>
    public static Rgb8Image Downscale(Rgb8Image source, int factor)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        if (source.Width < factor || source.Height < factor)
        {
            throw new ArgumentException(
                $"A {source.Width}x{source.Height} image is too small to downscale by {factor}.", nameof(source));
        }

        // MATLAB uses the scale 1/factor itself rather than out/in; the two can differ in the last bit.
        double scale = 1.0 / factor;
        return ResizeBytes(source, source.Width / factor, source.Height / factor, scale, scale);
    }

    /// <summary>Enlarges an 8-bit image by an integer factor, like <c>imresize(img, factor, 'bicubic')</c>.</summary>
    /// <param name="source">Image to enlarge.</param>
    /// <param name="factor">Integer enlargement factor, at least one.</param>
    /// <returns>A new image <paramref name="factor"/> times larger on each side.</returns>
    public static Rgb8Image Upscale(Rgb8Image source, int factor)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(factor);
        return ResizeBytes(source, checked(source.Width * factor), checked(source.Height * factor), factor, factor);
    }

    /// <summary>
    /// Resizes planar float data (CHW, no batch axis) with the same operator, without any intermediate
    /// rounding or clamping; intended as the bicubic baseline on tensors.
    /// </summary>
    /// <param name="source">Input, <paramref name="channels"/>*<paramref name="height"/>*<paramref name="width"/> values.</param>
    /// <param name="channels">Number of planes.</param>
    /// <param name="height">Input height.</param>
    /// <param name="width">Input width.</param>
    /// <param name="destination">Output, <paramref name="channels"/>*<paramref name="outHeight"/>*<paramref name="outWidth"/> values.</param>
    /// <param name="outHeight">Output height.</param>
    /// <param name="outWidth">Output width.</param>
    public static void Resize(
        ReadOnlySpan<float> source, int channels, int height, int width,
        Span<float> destination, int outHeight, int outWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outWidth);
        long inCount = (long)channels * height * width;
        long outCount = (long)channels * outHeight * outWidth;
        if (source.Length != inCount)
        {
            throw new ArgumentException(
                $"Source holds {source.Length} values but {channels}x{height}x{width} needs {inCount}.", nameof(source));
        }

        if (destination.Length != outCount)
        {
            throw new ArgumentException(
                $"Destination holds {destination.Length} values but {channels}x{outHeight}x{outWidth} needs {outCount}.",
                nameof(destination));
        }

        double scaleY = (double)outHeight / height;
        double scaleX = (double)outWidth / width;
        bool resizeY = outHeight != height;
        bool resizeX = outWidth != width;
        if (!resizeY && !resizeX)
        {
            source.CopyTo(destination);
            return;
        }

        if (!resizeY || !resizeX)
        {
            if (resizeY)
            {
                ResizePasses.VerticalFloats(source, channels, height, width, ResizeKernel.Create(height, outHeight, scaleY), destination);
            }
            else
            {
                ResizePasses.HorizontalFloats(source, channels * height, width, ResizeKernel.Create(width, outWidth, scaleX), destination);
            }

            return;
        }

        var kernelY = ResizeKernel.Create(height, outHeight, scaleY);
        var kernelX = ResizeKernel.Create(width, outWidth, scaleX);
        bool heightFirst = scaleY <= scaleX;
        int midCount = heightFirst ? channels * outHeight * width : channels * height * outWidth;
        float[] mid = ArrayPool<float>.Shared.Rent(midCount);
        try
        {
            Span<float> midSpan = mid.AsSpan(0, midCount);
            if (heightFirst)
            {
                ResizePasses.VerticalFloats(source, channels, height, width, kernelY, midSpan);
                ResizePasses.HorizontalFloats(midSpan, channels * outHeight, width, kernelX, destination);
            }
            else
            {
                ResizePasses.HorizontalFloats(source, channels * height, width, kernelX, midSpan);
                ResizePasses.VerticalFloats(midSpan, channels, height, outWidth, kernelY, destination);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(mid);
        }
    }

    private static Rgb8Image ResizeBytes(Rgb8Image source, int outWidth, int outHeight, double scaleX, double scaleY)
    {
        int width = source.Width;
        int height = source.Height;

        // A scale-one pass has weights {1} at the sample itself, so skipping it changes nothing.
        bool resizeY = outHeight != height || scaleY != 1.0;
        bool resizeX = outWidth != width || scaleX != 1.0;
        var result = new Rgb8Image(outWidth, outHeight);
        if (!resizeY && !resizeX)
        {
            source.Data.CopyTo(result.Data, 0);
            return result;
        }

        if (!resizeY || !resizeX)
        {
            if (resizeY)
            {
                ResizePasses.VerticalBytes(source.Data, width * 3, ResizeKernel.Create(height, outHeight, scaleY), result.Data);
            }
            else
            {
                ResizePasses.HorizontalBytes(source.Data, height, width, ResizeKernel.Create(width, outWidth, scaleX), result.Data);
            }

            return result;
        }

        var kernelY = ResizeKernel.Create(height, outHeight, scaleY);
        var kernelX = ResizeKernel.Create(width, outWidth, scaleX);
        if (scaleY <= scaleX)
        {
            var mid = new byte[outHeight * width * 3];
            ResizePasses.VerticalBytes(source.Data, width * 3, kernelY, mid);
            ResizePasses.HorizontalBytes(mid, outHeight, width, kernelX, result.Data);
        }
        else
        {
            var mid = new byte[height * outWidth * 3];
            ResizePasses.HorizontalBytes(source.Data, height, width, kernelX, mid);
            ResizePasses.VerticalBytes(mid, outWidth * 3, kernelY, result.Data);
        }

        return result;
    }
}
