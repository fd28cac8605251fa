namespace NeuralPost.Inference.GpuCompute;

/// <summary>
/// Structural rewrites that hold for every input size: a convolution absorbs the activation, DepthToSpace (CRD)
/// and residual Add that directly and solely consume its result, so they cost no dispatch and no buffer; IMDN's
/// contrast (Sub, Pow, ReduceMean, Sqrt, Add around a ReduceMean) becomes one <see cref="ChannelContrast"/> node.
/// </summary>
internal static class GraphFusion
{
    /// <summary>Fused operator: per-channel standard deviation + mean over H x W, shape 1xCx1x1.</summary>
    public const string ChannelContrast = "ChannelContrast";

    public static void Apply(NetworkGraph graph)
    {
        FuseChannelContrast(graph);
        FusePadIntoConvolution(graph);
        FuseConvolutionEpilogues(graph);
    }

    /// <summary>
    /// Pad (constant 0, edge or reflect, H and W only) read only by a Conv with no padding of its own becomes the
    /// Conv's padding: the kernel clamps or mirrors its reads instead of a pass writing a bigger tensor.
    /// </summary>
    private static void FusePadIntoConvolution(NetworkGraph graph)
    {
        var consumers = graph.ConsumerCounts();
        var removed = new HashSet<GraphNode>();
        foreach (var pad in graph.Nodes.Where(n => n.OpType == "Pad").ToList())
        {
            var padding = pad.Text("mode", "constant") switch { "constant" => Padding.Zero, "edge" => Padding.Edge, "reflect" => Padding.Reflect, _ => (Padding?)null };
            var pads = pad.Input(1) is { } p && graph.Constants.TryGetValue(p, out var t) ? t.AsLongs() : pad.Ints("pads");
            var value = pad.Input(2) is { } v && graph.Constants.TryGetValue(v, out var c) ? c.At(0) : pad.Float("value", 0f);
            var conv = graph.Nodes.FirstOrDefault(n => n.OpType == "Conv" && n.Input(0) == pad.Outputs[0]);
            if (padding is null || pads is not { Length: 8 } || pads.Any(x => x < 0) || pads[0] + pads[1] + pads[4] + pads[5] != 0
                || (padding == Padding.Zero && value != 0) || pad.Input(3) is not null || conv is null
                || consumers.GetValueOrDefault(pad.Outputs[0]) != 1 || (conv.Ints("pads") ?? [0, 0, 0, 0]).Any(x => x != 0)
                || conv.Text("auto_pad", "NOTSET") != "NOTSET")
            {
                continue;
            }

            conv.Inputs = [pad.Inputs[0], .. conv.Inputs[1..]];
            conv.Padding = padding.Value;
            conv.Attributes = new Dictionary<string, NodeAttribute>(conv.Attributes, StringComparer.Ordinal)
            {
                ["pads"] = new NodeAttribute(0, 0f, "", [pads[2], pads[3], pads[6], pads[7]], [], null),
            };
            conv.FusedNodes.Add(pad.Name);
            removed.Add(pad);
        }

        graph.Nodes.RemoveAll(removed.Contains);
    }

    private static void FuseConvolutionEpilogues(NetworkGraph graph)
    {
        var order = ProducerOrder(graph);
        var consumers = graph.ConsumerCounts();
        var removed = new HashSet<GraphNode>();
        foreach (var node in graph.Nodes.Where(n => n.OpType is "Conv" or "ConvTranspose"))
        {
            while (true)
            {
                var output = node.Outputs[0];
                if (output == graph.OutputName || consumers.GetValueOrDefault(output) != 1)
                {
                    break;
                }

                var next = graph.Nodes.First(n => !removed.Contains(n) && n.Inputs.Contains(output));
                if (!TryAbsorb(graph, node, next, output, order))
                {
                    break;
                }

                node.FusedNodes.Add(next.Name);
                node.Outputs = next.Outputs;
                removed.Add(next);
            }
        }

        graph.Nodes.RemoveAll(removed.Contains);
    }

    private static bool TryAbsorb(NetworkGraph graph, GraphNode conv, GraphNode next, string output, Dictionary<string, int> order)
    {
        var e = conv.Epilogue;
        switch (next.OpType)
        {
            case "Relu" or "LeakyRelu" or "Sigmoid" when e.Activation == Activation.None && e.Residual is null:
                var kind = next.OpType switch { "Relu" => Activation.Relu, "LeakyRelu" => Activation.LeakyRelu, _ => Activation.Sigmoid };
                conv.Epilogue = e with { Activation = kind, Alpha = next.Float("alpha", 0.01f) };
                return true;
            case "DepthToSpace" when conv.OpType == "Conv" && e.Shuffle == 1 && e.Residual is null && next.Text("mode", "DCR") == "CRD":
                conv.Epilogue = e with { Shuffle = (int)next.Int("blocksize", 1) };
                return true;
            case "Add" when e.Residual is null && next.Inputs.Length == 2:
                var other = next.Inputs[0] == output ? next.Inputs[1] : next.Inputs[0];
                // The other operand must already exist when the convolution runs, and be a tensor of the
                // output's own shape (a constant could broadcast, which the fused kernel does not do).
                var available = other == graph.InputName || (order.TryGetValue(other, out var at) && at < graph.Nodes.IndexOf(conv));
                if (other == output || !available || graph.Constants.ContainsKey(other))
                {
                    return false;
                }

                conv.Epilogue = e with { Residual = other };
                conv.Inputs = [.. conv.Inputs, other];
                return true;
            default:
                return false;
        }
    }

    private static void FuseChannelContrast(NetworkGraph graph)
    {
        var consumers = graph.ConsumerCounts();
        var removed = new HashSet<GraphNode>();
        foreach (var mean in graph.Nodes.Where(n => n.OpType == "ReduceMean" && IsSpatialMean(graph, n)).ToList())
        {
            var x = mean.Inputs[0];
            var m = mean.Outputs[0];
            var sub = Single(graph, m, "Sub");
            if (sub is null || sub.Inputs[0] != x || consumers.GetValueOrDefault(m) != 2 || consumers.GetValueOrDefault(sub.Outputs[0]) != 1)
            {
                continue;
            }

            var pow = Single(graph, sub.Outputs[0], "Pow");
            if (pow is null || !graph.Constants.TryGetValue(pow.Inputs[1], out var exponent) || exponent.Count != 1 || exponent.At(0) != 2
                || consumers.GetValueOrDefault(pow.Outputs[0]) != 1)
            {
                continue;
            }

            var variance = Single(graph, pow.Outputs[0], "ReduceMean");
            if (variance is null || !IsSpatialMean(graph, variance) || consumers.GetValueOrDefault(variance.Outputs[0]) != 1)
            {
                continue;
            }

            var sqrt = Single(graph, variance.Outputs[0], "Sqrt");
            if (sqrt is null || consumers.GetValueOrDefault(sqrt.Outputs[0]) != 1)
            {
                continue;
            }

            var add = Single(graph, sqrt.Outputs[0], "Add");
            if (add is null || !add.Inputs.Contains(m))
            {
                continue;
            }

            mean.OpType = ChannelContrast;
            mean.Outputs = add.Outputs;
            foreach (var fused in new[] { sub, pow, variance, sqrt, add })
            {
                mean.FusedNodes.Add(fused.Name);
                removed.Add(fused);
            }
        }

        graph.Nodes.RemoveAll(removed.Contains);
    }

    /// <summary>ReduceMean over H and W keeping the dimensions, by attribute (opset &lt; 18) or constant input.</summary>
    public static bool IsSpatialMean(NetworkGraph graph, GraphNode node)
    {
        var axes = node.Ints("axes") ?? (node.Input(1) is { } a && graph.Constants.TryGetValue(a, out var t) ? t.AsLongs() : null);
        return axes is not null && node.Int("keepdims", 1) == 1
            && axes.Select(v => v < 0 ? v + 4 : v).Order().SequenceEqual([2L, 3L]);
    }

    private static GraphNode? Single(NetworkGraph graph, string value, string opType) =>
        graph.Nodes.FirstOrDefault(n => n.OpType == opType && n.Inputs.Contains(value));

    private static Dictionary<string, int> ProducerOrder(NetworkGraph graph)
    {
        var order = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < graph.Nodes.Count; i++)
        {
            foreach (var output in graph.Nodes[i].Outputs)
            {
                order[output] = i;
            }
        }

        return order;
    }
}
