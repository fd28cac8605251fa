namespace NeuralPost.Core;

/// <summary>How the GPU-compute runner stores a network's intermediate tensors (its activations).</summary>
public enum TensorStorage
{
    /// <summary>IEEE single precision: results agree with ONNX Runtime to fp32 rounding.</summary>
    Float32 = 0,

    /// <summary>
    /// IEEE half precision, two values per 32-bit word through the core GLSL 4.20 <c>packHalf2x16</c> and
    /// <c>unpackHalf2x16</c>, so it needs no extension: half the activation memory and traffic; arithmetic, weights,
    /// per-channel statistics and the network's input and output stay fp32. Values beyond 65504 become infinity,
    /// which the pass's output check catches.
    /// </summary>
    Float16 = 1,
}
