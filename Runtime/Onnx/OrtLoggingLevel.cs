namespace NeuralPost.Onnx;

/// <summary>Minimum severity ONNX Runtime logs; mirrors the native <c>OrtLoggingLevel</c>.</summary>
public enum OrtLoggingLevel
{
    /// <summary>Everything, including per-node details.</summary>
    Verbose = 0,
    /// <summary>Informational messages.</summary>
    Info = 1,
    /// <summary>Warnings and worse.</summary>
    Warning = 2,
    /// <summary>Errors and worse.</summary>
    Error = 3,
    /// <summary>Only fatal errors.</summary>
    Fatal = 4,
}
