namespace NeuralPost.Inference.GpuCompute;

/// <summary>The ONNX operators (default domain) the GPU-compute runner implements, on the GPU or folded on the host.</summary>
internal static class SupportedOperators
{
    /// <summary>Operators that run as kernels.</summary>
    public static readonly IReadOnlySet<string> Kernels = new HashSet<string>(StringComparer.Ordinal)
    {
        "Conv", "ConvTranspose", "Relu", "LeakyRelu", "Sigmoid", "Sqrt", "Add", "Sub", "Mul", "Div", "Pow",
        "Split", "Concat", "Slice", "ReduceMean", "GlobalAveragePool", "AveragePool", "Resize", "Pad",
        "DepthToSpace", "Expand", "Identity",
    };

    /// <summary>Operators evaluated on the host while planning, when all their inputs are known there (shape arithmetic).</summary>
    public static readonly IReadOnlySet<string> HostOnly = new HashSet<string>(StringComparer.Ordinal)
    {
        "Constant", "Shape", "Gather", "Unsqueeze", "Squeeze", "Reshape", "ConstantOfShape", "Equal", "Where", "Cast",
    };

    public static bool IsSupported(string opType) => Kernels.Contains(opType) || HostOnly.Contains(opType);
}
