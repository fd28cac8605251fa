namespace NeuralPost.Inference.GpuCompute;

/// <summary>
/// An imported image-to-image network: nodes in topological order, constants (initializers and
/// <c>Constant</c> nodes) on the host, one input and one output.
/// </summary>
internal sealed class NetworkGraph
{
    public NetworkGraph(string path, List<GraphNode> nodes, Dictionary<string, HostTensor> constants,
        string inputName, NchwShape inputShape, string outputName, NchwShape outputShape)
    {
        Path = path;
        Nodes = nodes;
        Constants = constants;
        InputName = inputName;
        InputShape = inputShape;
        OutputName = outputName;
        OutputShape = outputShape;
    }

    /// <summary>The model file, for error messages.</summary>
    public string Path { get; }

    public List<GraphNode> Nodes { get; }

    public Dictionary<string, HostTensor> Constants { get; }

    public string InputName { get; }

    public NchwShape InputShape { get; }

    public string OutputName { get; }

    public NchwShape OutputShape { get; }

    /// <summary>The distinct operators of the nodes, in order of first use (after fusion).</summary>
    public IReadOnlyList<string> Operators => Nodes.Select(n => n.OpType).Distinct().ToList();

    /// <summary>How many nodes read each value (the graph output counts as one more reader).</summary>
    public Dictionary<string, int> ConsumerCounts()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal) { [OutputName] = 1 };
        foreach (var input in Nodes.SelectMany(n => n.Inputs).Where(i => i.Length > 0))
        {
            counts[input] = counts.GetValueOrDefault(input) + 1;
        }

        return counts;
    }
}
