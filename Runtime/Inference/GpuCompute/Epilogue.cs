namespace NeuralPost.Inference.GpuCompute;

/// <summary>What a convolution reads outside its input, as the kernels number it: a folded Pad node's mode.</summary>
internal enum Padding
{
    Zero = 0,
    Edge = 1,
    Reflect = 2,
}

/// <summary>The activation a convolution applies to its sum, as the kernels number them.</summary>
internal enum Activation
{
    None = 0,
    Relu = 1,
    LeakyRelu = 2,
    Sigmoid = 3,
}

/// <summary>
/// What a convolution does to its result before storing it, taken from the nodes that followed it in the graph:
/// activation, then DepthToSpace placement (blocksize <see cref="Shuffle"/>, CRD), then a residual add of
/// <see cref="Residual"/> (a value in the shuffled layout). Order matters only for the add, which the graph
/// applies last; activation and shuffle commute.
/// </summary>
internal sealed record Epilogue(Activation Activation, float Alpha, int Shuffle, string? Residual)
{
    public static readonly Epilogue Plain = new(Activation.None, 0f, 1, null);
}
