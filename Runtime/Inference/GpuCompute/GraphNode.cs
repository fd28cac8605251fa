namespace NeuralPost.Inference.GpuCompute;

/// <summary>
/// One operation of the imported graph. Fusion rewrites nodes in place: a convolution absorbs the nodes after
/// it (<see cref="Epilogue"/>, <see cref="FusedNodes"/>) and takes over their output name.
/// </summary>
internal sealed class GraphNode
{
    public GraphNode(string opType, string name, string[] inputs, string[] outputs, IReadOnlyDictionary<string, NodeAttribute> attributes)
    {
        OpType = opType;
        Name = name;
        Inputs = inputs;
        Outputs = outputs;
        Attributes = attributes;
    }

    /// <summary>The ONNX operator, or one of <see cref="GraphFusion"/>'s fused operators.</summary>
    public string OpType { get; set; }

    public string Name { get; }

    /// <summary>Input value names; an empty name is an omitted optional input.</summary>
    public string[] Inputs { get; set; }

    public string[] Outputs { get; set; }

    public IReadOnlyDictionary<string, NodeAttribute> Attributes { get; set; }

    public Epilogue Epilogue { get; set; } = Epilogue.Plain;

    /// <summary>How a Conv pads its input (a folded Pad node's mode; its own pads are zeros).</summary>
    public Padding Padding { get; set; } = Padding.Zero;

    /// <summary>Names of the graph nodes folded into this one, in graph order.</summary>
    public List<string> FusedNodes { get; } = [];

    /// <summary>The input at <paramref name="index"/>, or null when it is absent or omitted.</summary>
    public string? Input(int index) => index < Inputs.Length && Inputs[index].Length > 0 ? Inputs[index] : null;

    public long Int(string name, long fallback) => Attributes.TryGetValue(name, out var a) ? a.Int : fallback;

    public float Float(string name, float fallback) => Attributes.TryGetValue(name, out var a) ? a.Float : fallback;

    public string Text(string name, string fallback) => Attributes.TryGetValue(name, out var a) ? a.Text : fallback;

    public long[]? Ints(string name) => Attributes.TryGetValue(name, out var a) ? a.Ints : null;

    public override string ToString() => $"{OpType} node '{Name}'";
}
