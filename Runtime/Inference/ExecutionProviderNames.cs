namespace NeuralPost.Inference;

/// <summary>
/// Maps the short names users type ("CUDA", "DML") to the long names ONNX Runtime reports in its available
/// providers ("CUDAExecutionProvider", "DmlExecutionProvider"), and back.
/// </summary>
internal static class ExecutionProviderNames
{
    internal const string Cpu = "CPUExecutionProvider";
    internal const string Cuda = "CUDAExecutionProvider";
    internal const string DirectML = "DmlExecutionProvider";
    internal const string TensorRT = "TensorrtExecutionProvider";

    private static readonly (string Short, string Full)[] s_known =
    [
        ("CPU", Cpu),
        ("CUDA", Cuda),
        ("DML", DirectML),
        ("TensorRT", TensorRT),
        ("XNNPACK", "XnnpackExecutionProvider"),
        ("QNN", "QNNExecutionProvider"),
        ("OpenVINO", "OpenVINOExecutionProvider"),
        ("CoreML", "CoreMLExecutionProvider"),
        ("WebGPU", "WebGpuExecutionProvider"),
        ("AZURE", "AzureExecutionProvider"),
    ];

    /// <summary>The long name; unknown names pass through unchanged.</summary>
    internal static string ToFullName(string name) =>
        Array.Find(s_known, k => name.Equals(k.Short, StringComparison.OrdinalIgnoreCase) || name.Equals(k.Full, StringComparison.OrdinalIgnoreCase)).Full ?? name;

    /// <summary>The short name the generic append call takes; unknown names pass through unchanged.</summary>
    internal static string ToShortName(string fullName) =>
        Array.Find(s_known, k => k.Full.Equals(fullName, StringComparison.Ordinal)).Short ?? fullName;

    /// <summary>"CUDA EP" for <c>CUDAExecutionProvider</c>: how status lines name a provider.</summary>
    internal static string ToDisplayName(string fullName) => ToShortName(fullName) + " EP";
}
