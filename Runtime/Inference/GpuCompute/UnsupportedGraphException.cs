namespace NeuralPost.Inference.GpuCompute;

/// <summary>A node uses an attribute or input combination the runner does not implement; becomes a <see cref="ModelLoadException"/>.</summary>
internal sealed class UnsupportedGraphException : Exception
{
    public UnsupportedGraphException(GraphNode node, string what)
        : base($"{node.OpType} (node '{node.Name}'): {what} is not supported by the GPU-compute runner")
    {
    }
}
