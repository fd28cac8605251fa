namespace NeuralPost.Imaging;

/// <summary>
/// 8-bit RGB image, interleaved (R, G, B per pixel), row-major, with no padding between rows.
/// It is the common currency between image files (the NeuralPost.ImageFiles assembly reads and writes it), the
/// resamplers and the quality metrics.
/// </summary>
public sealed class Rgb8Image
{
    /// <summary>Creates a zeroed (black) image.</summary>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive, or the image would not fit in one array.</exception>
    public Rgb8Image(int width, int height)
    {
        Width = width;
        Height = height;
        Data = new byte[CheckedLength(width, height)];
    }

    /// <summary>Wraps existing interleaved RGB data; the array is used as is, not copied.</summary>
    /// <param name="width">Width in pixels, at least 1.</param>
    /// <param name="height">Height in pixels, at least 1.</param>
    /// <param name="data">Pixel data, exactly <c>width * height * 3</c> bytes.</param>
    /// <exception cref="ArgumentOutOfRangeException">A dimension is not positive, or the image would not fit in one array.</exception>
    /// <exception cref="ArgumentException"><paramref name="data"/> has the wrong length.</exception>
    public Rgb8Image(int width, int height, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        int length = CheckedLength(width, height);
        if (data.Length != length)
        {
            throw new ArgumentException($"data holds {data.Length} bytes, but a {width}x{height} RGB image needs {length}.", nameof(data));
        }

        Width = width;
        Height = height;
        Data = data;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Interleaved RGB bytes, <see cref="Width"/> * <see cref="Height"/> * 3 of them.</summary>
#pragma warning disable CA1819 // The buffer is the point of the type: callers fill and read it in place.
    public byte[] Data { get; }
#pragma warning restore CA1819

    /// <summary>Bytes per row: <see cref="Width"/> * 3.</summary>
    public int Stride => Width * 3;

    /// <summary>The top-left <paramref name="width"/> x <paramref name="height"/> pixels as a new image.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The size is not positive or exceeds this image's.</exception>
    public Rgb8Image Crop(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(width, Width);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(height, Height);
        var result = new Rgb8Image(width, height);
        for (var y = 0; y < height; y++)
        {
            Data.AsSpan(y * Stride, result.Stride).CopyTo(result.Data.AsSpan(y * result.Stride));
        }

        return result;
    }

    private static int CheckedLength(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        long length = (long)width * height * 3;
        if (length > Array.MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(width), $"a {width}x{height} RGB image needs {length} bytes, more than one array can hold.");
        }

        return (int)length;
    }
}
