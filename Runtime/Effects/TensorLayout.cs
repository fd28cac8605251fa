namespace NeuralPost.Effects;

/// <summary>
/// How an image sits in a planar NCHW (batch 1, RGB) float tensor: the image's pixels start <paramref name="Border"/>
/// pixels in from the tensor's top-left, the border around them holds the image's edges extended outwards (see
/// <see cref="Core.EdgePadding"/>), and the tensor may be larger still (padded) for networks that need sizes in
/// multiples of N.
/// </summary>
/// <param name="ImageWidth">Image width in pixels.</param>
/// <param name="ImageHeight">Image height in pixels.</param>
/// <param name="TensorWidth">Tensor width (the row stride in floats), at least <paramref name="ImageWidth"/> + 2 x <paramref name="Border"/>.</param>
/// <param name="TensorHeight">Tensor height, at least <paramref name="ImageHeight"/> + 2 x <paramref name="Border"/>.</param>
/// <param name="Border">Tensor columns left of, and rows above, the image's first pixel.</param>
internal readonly record struct TensorLayout(int ImageWidth, int ImageHeight, int TensorWidth, int TensorHeight, int Border = 0)
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
    public static TensorLayout Padded(int width, int height, int multiple) => Bordered(width, height, 0, multiple);

    /// <summary>
    /// A tensor with <paramref name="border"/> pixels around the image on every side, its sides then rounded up to a
    /// multiple of <paramref name="multiple"/> (the extra on the right and bottom).
    /// </summary>
    public static TensorLayout Bordered(int width, int height, int border, int multiple = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(multiple);
        ArgumentOutOfRangeException.ThrowIfNegative(border);
        return new(width, height, RoundUp(checked(width + 2 * border), multiple), RoundUp(checked(height + 2 * border), multiple), border);
    }

    /// <summary>The layout of a network's output for this input when the network scales by <paramref name="scale"/>.</summary>
    public TensorLayout Scaled(int scale) =>
        new(ImageWidth * scale, ImageHeight * scale, TensorWidth * scale, TensorHeight * scale, Border * scale);

    private static int RoundUp(int value, int multiple) => checked((value + multiple - 1) / multiple * multiple);
}
