using System.Globalization;

namespace NeuralPost.Inference;

/// <summary>
/// The shape of a 4-D float32 tensor in NCHW order (batch, channels, height, width). A dimension is
/// <see cref="Dynamic"/> (-1) where the model leaves it free.
/// </summary>
/// <param name="N">Batch size.</param>
/// <param name="C">Channels (3 for RGB planes).</param>
/// <param name="H">Height in pixels.</param>
/// <param name="W">Width in pixels.</param>
public readonly record struct NchwShape(long N, long C, long H, long W)
{
    /// <summary>The value of a dimension the model leaves free.</summary>
    public const long Dynamic = -1;

    /// <summary>One RGB image of <paramref name="height"/> x <paramref name="width"/>: <c>1x3xHxW</c>.</summary>
    public static NchwShape Rgb(long height, long width) => new(1, 3, height, width);

    /// <summary>Number of floats a buffer of this shape holds; undefined while a dimension is dynamic.</summary>
    /// <exception cref="InvalidOperationException">A dimension is dynamic.</exception>
    public long ElementCount => IsFixed ? N * C * H * W : throw new InvalidOperationException($"shape {this} has a dynamic dimension");

    /// <summary>True when no dimension is dynamic.</summary>
    public bool IsFixed => N >= 0 && C >= 0 && H >= 0 && W >= 0;

    /// <summary>The dimensions as ONNX Runtime takes them.</summary>
    public long[] ToArray() => [N, C, H, W];

    /// <summary>Builds the shape from 4 dimensions; null when there are not exactly 4.</summary>
    public static NchwShape? FromDimensions(IReadOnlyList<long> dimensions)
    {
        ArgumentNullException.ThrowIfNull(dimensions);
        return dimensions.Count == 4 ? new NchwShape(dimensions[0], dimensions[1], dimensions[2], dimensions[3]) : null;
    }

    /// <summary><c>1x3x?x?</c>, with <c>?</c> for dynamic dimensions.</summary>
    public override string ToString() => string.Join('x', ToArray().Select(Format));

    private static string Format(long d) => d >= 0 ? d.ToString(CultureInfo.InvariantCulture) : "?";
}
