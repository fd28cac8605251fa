using NeuralPost.Graphics;

namespace NeuralPost.Inference;

/// <summary>
/// A network that runs as compute dispatches on the renderer's own <see cref="IGraphicsDevice"/>, reading and
/// writing storage buffers that hold NCHW float32 tensors, tightly packed (element (n,c,y,x) at
/// <c>((n*C + c)*H + y)*W + x</c>). Nothing crosses between host and device on a run: this is the zero-copy
/// counterpart of <see cref="INetworkRunner"/>.
/// </summary>
/// <remarks>Not thread-safe; use it on the thread that owns the device's context.</remarks>
public interface IGpuNetworkRunner : IDisposable
{
    /// <summary>The input shape the model declares; dynamic dimensions are <see cref="NchwShape.Dynamic"/>.</summary>
    NchwShape InputShape { get; }

    /// <summary>The output shape the model declares; dynamic dimensions are <see cref="NchwShape.Dynamic"/>.</summary>
    NchwShape OutputShape { get; }

    /// <summary>What runs the network, for logs and timings, e.g. <c>GPU compute (fp32)</c>.</summary>
    string Description { get; }

    /// <summary>The output shape for an input shape, from the graph's shape inference (no dispatch).</summary>
    /// <exception cref="ModelContractException">The network cannot take an input of that shape.</exception>
    NchwShape OutputShapeFor(NchwShape input);

    /// <summary>
    /// Compiles the plan for one input size (kernels, intermediate buffers, the dispatch list) and binds the
    /// caller's buffers, which must stay alive until the returned run is disposed. Call it once per resolution,
    /// ahead of the first frame, so no frame pays for it.
    /// </summary>
    /// <param name="input">At least <paramref name="inputShape"/>.ElementCount * 4 bytes.</param>
    /// <param name="inputShape">A fixed shape the network takes.</param>
    /// <param name="output">At least <see cref="OutputShapeFor"/>(inputShape).ElementCount * 4 bytes.</param>
    /// <exception cref="ArgumentException">A buffer is smaller than its shape needs.</exception>
    /// <exception cref="ModelContractException">The network cannot take an input of that shape.</exception>
    /// <exception cref="GraphicsException">A kernel failed to compile or a buffer could not be allocated.</exception>
    IGpuBoundRun Bind(IStorageBuffer input, NchwShape inputShape, IStorageBuffer output);
}
