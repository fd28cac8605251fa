namespace NeuralPost.Inference;

/// <summary>The least severe ONNX Runtime log message passed on to the log (ONNX Runtime's own levels, in order).</summary>
public enum OnnxLogSeverity
{
    /// <summary>Everything, including per-node detail.</summary>
    Verbose = 0,

    /// <summary>Informational messages and worse.</summary>
    Info = 1,

    /// <summary>Warnings and worse (the default).</summary>
    Warning = 2,

    /// <summary>Errors and worse.</summary>
    Error = 3,

    /// <summary>Only fatal errors.</summary>
    Fatal = 4,
}
