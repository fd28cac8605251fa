namespace NeuralPost.Inference;

/// <summary>A network bound to one preallocated input and output buffer; dispose it to unpin them.</summary>
public interface IBoundRun : IDisposable
{
    /// <summary>Runs the network from the bound input into the bound output; allocates no managed memory in steady state.</summary>
    /// <exception cref="InferenceException">The network failed.</exception>
    void Run();
}
