namespace NeuralPost.Effects;

/// <summary>
/// How an image sits in a planar NCHW (batch 1, RGB) float tensor: the image's pixels at the tensor's top-left,
/// and the tensor possibly larger (padded) for networks that need sizes in multiples of N.
/// </summary>
/// <param name="ImageWidth">Image width in pixels.</param>
/// <param name="ImageHeight">Image height in pixels.</param>
/// <param name="TensorWidth">Tensor width (the row stride in floats), at least <paramref name="ImageWidth"/>.</param>
/// <param name="TensorHeight">Tensor height, at least <paramref name="ImageHeight"/>.</param>
internal readonly record struct TensorLayout(int ImageWidth, int ImageHeight, int TensorWidth, int TensorHeight)
{
    /// <summary>Floats from one channel plane to the next.</summary>
    public int PlaneStride => TensorWidth * TensorHeight;

    /// <summary>Floats in the whole tensor.</summary>
    public int FloatCount => 3 * PlaneStride;

    /// <summary>Bytes in the whole tensor.</summary>
    public int ByteSize => FloatCount * sizeof(float);

    /// <summary>A tensor exactly the image's size.</summary>
    public static TensorLayout Exact(int width, int height) => new(width, height, width, height);

    /// <summary>A tensor whose sides are the image's rounded up to a multiple of <paramref name="multiple"/>.</summary>
    public static TensorLayout Padded(int width, int height, int multiple)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiple);
        return new(width, height, RoundUp(width, multiple), RoundUp(height, multiple));
    }

    /// <summary>The layout of a network's output for this input when the network scales by <paramref name="scale"/>.</summary>
    public TensorLayout Scaled(int scale) =>
        new(ImageWidth * scale, ImageHeight * scale, TensorWidth * scale, TensorHeight * scale);

    private static int RoundUp(int value, int multiple) => checked((value + multiple - 1) / multiple * multiple);
}
