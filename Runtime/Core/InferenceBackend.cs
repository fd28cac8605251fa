namespace NeuralPost.Core;

/// <summary>What runs a neural pass's network.</summary>
public enum InferenceBackend
{
    /// <summary>
    /// <see cref="GpuCompute"/> on a hardware GPU; on a software renderer (llvmpipe) the fixed choice the frame
    /// benchmark measured as faster there.
    /// </summary>
    Auto,

    /// <summary>
    /// Compute shaders on the renderer's own device: frames never leave the GPU. Falls back to
    /// <see cref="OnnxRuntime"/> when the model cannot be imported, a kernel fails, or the output check fails.
    /// </summary>
    GpuCompute,

    /// <summary>ONNX Runtime on the host: each frame is read back, inferred and uploaded again.</summary>
    OnnxRuntime,
}
