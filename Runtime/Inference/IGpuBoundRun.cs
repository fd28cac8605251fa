namespace NeuralPost.Inference;

/// <summary>A compiled plan for one input size, bound to its input and output buffers; dispose it to free its intermediates.</summary>
public interface IGpuBoundRun : IDisposable
{
    /// <summary>The bound input shape.</summary>
    NchwShape InputShape { get; }

    /// <summary>The output shape the run writes.</summary>
    NchwShape OutputShape { get; }

    /// <summary>
    /// Records the plan's dispatches (with the memory barriers between them) on the device: no waits, no fences,
    /// no readbacks, no managed allocation in steady state. Later GPU work that reads the output is ordered after it.
    /// </summary>
    /// <exception cref="InferenceException">The device rejected a dispatch.</exception>
    void Record();
}
