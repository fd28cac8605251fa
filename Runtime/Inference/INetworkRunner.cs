namespace NeuralPost.Inference;

/// <summary>
/// A loaded network with one float32 NCHW input and one float32 NCHW output, run over buffers the caller
/// preallocates and binds once per resolution. ONNX Runtime implements it today (<see cref="OnnxNetworkRunner"/>);
/// a GPU-compute runner can implement the same contract.
/// </summary>
/// <remarks>Not thread-safe: run one binding at a time.</remarks>
public interface INetworkRunner : IDisposable
{
    /// <summary>The input shape the model declares; dynamic dimensions are <see cref="NchwShape.Dynamic"/>.</summary>
    NchwShape InputShape { get; }

    /// <summary>The output shape the model declares; dynamic dimensions are <see cref="NchwShape.Dynamic"/>.</summary>
    NchwShape OutputShape { get; }

    /// <summary>The execution provider the network runs on, e.g. <c>CPUExecutionProvider</c> or <c>CUDAExecutionProvider</c>.</summary>
    string ExecutionProvider { get; }

    /// <summary>The output shape the network produces for <paramref name="input"/> (runs it once on zeros).</summary>
    /// <exception cref="InferenceException">The network failed on an input of that shape.</exception>
    NchwShape ProbeOutputShape(NchwShape input);

    /// <summary>
    /// Binds preallocated buffers, NCHW float32 in the given shapes, for repeated runs; the buffers are pinned
    /// until the returned binding is disposed, and each <see cref="IBoundRun.Run"/> writes <paramref name="output"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A buffer's length differs from its shape's element count.</exception>
    IBoundRun Bind(float[] input, NchwShape inputShape, float[] output, NchwShape outputShape);
}
