namespace NeuralPost.Inference.GpuCompute;

/// <summary>
/// A tensor held on the host: an initializer, a <c>Constant</c>, or a value folded while planning (shape
/// arithmetic). Exactly one of <see cref="Floats"/> and <see cref="Longs"/> is set; row-major.
/// </summary>
internal sealed class HostTensor
{
    private HostTensor(long[] dims, float[]? floats, long[]? longs)
    {
        Dims = dims;
        Floats = floats;
        Longs = longs;
    }

    public long[] Dims { get; }

    public float[]? Floats { get; }

    public long[]? Longs { get; }

    public bool IsFloat => Floats is not null;

    public long Count => Floats?.Length ?? Longs!.Length;

    public static HostTensor OfFloats(long[] dims, float[] values) => new(dims, values, null);

    public static HostTensor OfLongs(long[] dims, long[] values) => new(dims, null, values);

    public static long ElementCount(IReadOnlyList<long> dims)
    {
        long count = 1;
        foreach (var d in dims)
        {
            count *= d;
        }

        return count;
    }

    /// <summary>The value at <paramref name="index"/> as a double, whichever type it holds.</summary>
    public double At(long index) => Floats is { } f ? f[index] : Longs![index];

    /// <summary>The values as integers (shape arithmetic, axes, pads).</summary>
    public long[] AsLongs() => Longs ?? Floats!.Select(v => (long)v).ToArray();

    /// <summary>The values as floats (scales, constants consumed by kernels).</summary>
    public float[] AsFloats() => Floats ?? Longs!.Select(v => (float)v).ToArray();
}
