using NeuralPost.Graphics;

namespace NeuralPost.Inference.GpuCompute;

/// <summary>
/// Turns a fused graph and one input size into the dispatch list of a plan: infers every shape, folds the
/// host-only arithmetic, gives each GPU value a view (Split and channel Slice are views of their input; a
/// Concat's inputs are written in place where their producer allows), and describes each dispatch. It creates
/// no GPU objects, so it also answers shape questions (<see cref="GpuNetwork.OutputShapeFor"/>).
/// </summary>
internal sealed partial class PlanBuilder
{
    private readonly NetworkGraph _graph;
    private readonly IReadOnlyDictionary<string, int> _weightOffsets;
    private readonly Dictionary<string, HostTensor> _host;
    private readonly Dictionary<string, TensorView> _gpu = new(StringComparer.Ordinal);
    private readonly IStorageBuffer? _outputBuffer;
    private readonly bool _directConvolution;

    /// <summary>Values read only by a Conv, as its data input: a per-channel Mul producing one can be applied on load.</summary>
    private readonly HashSet<string> _convOnlyInputs;

    /// <summary>Channel-attention products left to the consuming Conv: the tensor and its 1xCx1x1 scale.</summary>
    private readonly Dictionary<string, (TensorView X, TensorView Scale)> _scaled = new(StringComparer.Ordinal);

    public PlanBuilder(NetworkGraph graph, IReadOnlyDictionary<string, int> weightOffsets, NchwShape input,
        IStorageBuffer? inputBuffer = null, IStorageBuffer? outputBuffer = null, bool directConvolution = false)
    {
        if (!input.IsFixed || input.N != 1 || (graph.InputShape.C >= 0 && input.C != graph.InputShape.C)
            || (graph.InputShape.H >= 0 && input.H != graph.InputShape.H) || (graph.InputShape.W >= 0 && input.W != graph.InputShape.W)
            || input.H < 1 || input.W < 1)
        {
            throw new ModelContractException($"{graph.Path}: the GPU-compute runner takes 1x{Format(graph.InputShape.C)}x{Format(graph.InputShape.H)}x{Format(graph.InputShape.W)} inputs, not {input}");
        }

        _graph = graph;
        _weightOffsets = weightOffsets;
        _host = new Dictionary<string, HostTensor>(graph.Constants, StringComparer.Ordinal);
        _outputBuffer = outputBuffer;
        _directConvolution = directConvolution;
        var consumers = graph.ConsumerCounts();
        _convOnlyInputs = graph.Nodes.Where(n => n.OpType == "Conv" && consumers.GetValueOrDefault(n.Inputs[0]) == 1).Select(n => n.Inputs[0]).ToHashSet(StringComparer.Ordinal);
        var count = checked((int)input.ElementCount);
        _gpu[graph.InputName] = new TensorView(new PlanStorage(count, true, inputBuffer), 0, (int)input.C, (int)input.H, (int)input.W);
    }

    /// <summary>Multiply-adds of the convolutions (the network's arithmetic; 2 FLOP each).</summary>
    public long MultiplyAdds { get; private set; }

    /// <summary>The dispatches, in order.</summary>
    public List<StepSpec> Steps { get; } = [];

    /// <summary>Floats folded on the host that kernels read (the first words of the plan's data buffer).</summary>
    public List<float> PlanFloats { get; } = [];

    /// <summary>Runs the whole graph; returns the view of the output (all of the external output storage).</summary>
    /// <exception cref="ModelContractException">A shape does not work out for this input size.</exception>
    /// <exception cref="UnsupportedGraphException">A node needs something the kernels lack.</exception>
    public TensorView Build()
    {
        foreach (var node in _graph.Nodes)
        {
            var inputs = node.Inputs.Select(i => i.Length > 0 && _host.TryGetValue(i, out var t) ? t : null).ToList();
            var gpuInputs = node.Inputs.Count(i => i.Length > 0 && _gpu.ContainsKey(i));
            if (node.OpType == "Shape" && _gpu.TryGetValue(node.Inputs[0], out var shaped))
            {
                _host[node.Outputs[0]] = HostFolding.ShapeOf(shaped);
            }
            else if (gpuInputs == 0 && HostFolding.CanFold(node.OpType))
            {
                _host[node.Outputs[0]] = HostFolding.Evaluate(node, inputs);
            }
            else if (gpuInputs == 0)
            {
                throw new UnsupportedGraphException(node, "a kernel operator on constants only");
            }
            else
            {
                Emit(node);
            }
        }

        if (!_gpu.TryGetValue(_graph.OutputName, out var output))
        {
            throw new ModelContractException($"{_graph.Path}: the output '{_graph.OutputName}' is not computed on the GPU");
        }

        if (!output.Storage.IsExternal || output.Storage == _gpu[_graph.InputName].Storage)
        {
            // The output is a view of something else (a Split of the input, an Identity): copy it out.
            var copy = NewValue(_graph.OutputName, output.C, output.H, output.W);
            Copy("output copy", Operand.Of(output), Strides(output), copy);
            output = copy;
        }

        return output;
    }

    private void Emit(GraphNode node)
    {
        switch (node.OpType)
        {
            case "Conv":
                EmitConv(node);
                break;
            case "ConvTranspose":
                EmitConvTranspose(node);
                break;
            case "Relu" or "LeakyRelu" or "Sigmoid" or "Sqrt":
                EmitUnary(node);
                break;
            case "Identity":
                _gpu[node.Outputs[0]] = Gpu(node, 0);
                break;
            case "Add" or "Sub" or "Mul" or "Div" or "Pow":
                EmitBinary(node);
                break;
            case "Expand":
                EmitExpand(node);
                break;
            case "Split":
                EmitSplit(node);
                break;
            case "Slice":
                EmitSlice(node);
                break;
            case "Concat":
                EmitConcat(node);
                break;
            case "ReduceMean" when GraphFusion.IsSpatialMean(_graph, node):
                EmitChannelStats(node, 0);
                break;
            case "GlobalAveragePool":
                EmitChannelStats(node, 0);
                break;
            case GraphFusion.ChannelContrast:
                EmitChannelStats(node, 1);
                break;
            case "AveragePool":
                EmitAveragePool(node);
                break;
            case "Resize":
                EmitResize(node);
                break;
            case "Pad":
                EmitPad(node);
                break;
            case "DepthToSpace":
                EmitDepthToSpace(node);
                break;
            default:
                throw new UnsupportedGraphException(node, "this operator on a GPU tensor");
        }
    }

    private TensorView Gpu(GraphNode node, int index) =>
        node.Input(index) is { } name && _gpu.TryGetValue(name, out var view) ? view
            : throw new UnsupportedGraphException(node, $"input {index} held on the host");

    private HostTensor? Host(GraphNode node, int index) =>
        node.Input(index) is { } name && _host.TryGetValue(name, out var t) ? t : null;

    /// <summary>A fresh value: the caller's output buffer when it is the graph's output, otherwise a new storage.</summary>
    private TensorView NewValue(string name, int c, int h, int w)
    {
        if (c < 1 || h < 1 || w < 1)
        {
            throw new ModelContractException($"{_graph.Path}: '{name}' would be 1x{c}x{h}x{w}; the input is too small for this network");
        }

        var count = checked(c * h * w);
        var isOutput = name == _graph.OutputName;
        var view = new TensorView(new PlanStorage(count, isOutput, isOutput ? _outputBuffer : null), 0, c, h, w);
        _gpu[name] = view;
        return view;
    }

    private void Add(GraphNode node, string kernel, string[] defines, Operand?[] bindings, Func<int[]> parameters, (int, int, int) groups) =>
        Steps.Add(new StepSpec { Node = node.Name, Kernel = kernel, Defines = defines, Bindings = bindings, Parameters = parameters, Groups = groups });

    private static int Bits(float value) => BitConverter.SingleToInt32Bits(value);

    private static int DivUp(int value, int divisor) => (value + divisor - 1) / divisor;

    private static string Format(long d) => d >= 0 ? d.ToString(System.Globalization.CultureInfo.InvariantCulture) : "?";
}
