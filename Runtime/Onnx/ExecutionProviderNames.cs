namespace NeuralPost.Onnx;

/// <summary>
/// Maps between the short names the generic append call takes ("CUDA", "XNNPACK") and the long names
/// <c>GetAvailableProviders</c> reports ("CUDAExecutionProvider", "XnnpackExecutionProvider").
/// </summary>
internal static class ExecutionProviderNames
{
    internal const string Cpu = "CPUExecutionProvider";
    internal const string Cuda = "CUDAExecutionProvider";

    // Short name for SessionOptionsAppendExecutionProvider -> name in GetAvailableProviders.
    private static readonly (string Short, string Full)[] s_known =
    [
        ("CPU", Cpu),
        ("CUDA", Cuda),
        ("DML", "DmlExecutionProvider"),
        ("XNNPACK", "XnnpackExecutionProvider"),
        ("QNN", "QNNExecutionProvider"),
        ("SNPE", "SNPEExecutionProvider"),
        ("OpenVINO", "OpenVINOExecutionProvider"),
        ("CoreML", "CoreMLExecutionProvider"),
        ("WebGPU", "WebGpuExecutionProvider"),
        ("VitisAI", "VitisAIExecutionProvider"),
        ("AZURE", "AzureExecutionProvider"),
        ("TensorRT", "TensorrtExecutionProvider"),
    ];

    /// <summary>The long name used to check availability; unknown names pass through unchanged.</summary>
    internal static string ToFullName(string name)
    {
        foreach (var (shortName, full) in s_known)
        {
            if (string.Equals(name, shortName, StringComparison.OrdinalIgnoreCase) || string.Equals(name, full, StringComparison.OrdinalIgnoreCase))
            {
                return full;
            }
        }

        return name;
    }

    /// <summary>The short name the generic append call expects; unknown names pass through unchanged.</summary>
    internal static string ToShortName(string fullName)
    {
        foreach (var (shortName, full) in s_known)
        {
            if (string.Equals(fullName, full, StringComparison.Ordinal))
            {
                return shortName;
            }
        }

        return fullName;
    }
}
