namespace NeuralPost.Inference.GpuCompute;

/// <summary>
/// Evaluates, on the host, the nodes whose inputs are all known there: the shape arithmetic exports emit around
/// dynamic sizes (Shape, Gather, Unsqueeze, Concat, Reshape, ConstantOfShape, Equal, Where, Expand targets).
/// Tensors are tiny, so clarity beats speed here.
/// </summary>
internal static class HostFolding
{
    public static bool CanFold(string opType) => SupportedOperators.HostOnly.Contains(opType)
        || opType is "Add" or "Sub" or "Mul" or "Div" or "Concat" or "Identity" or "Sqrt";

    /// <exception cref="UnsupportedGraphException">The node's attributes ask for something not implemented.</exception>
    public static HostTensor Evaluate(GraphNode node, IReadOnlyList<HostTensor?> inputs)
    {
        var x = inputs[0];
        switch (node.OpType)
        {
            case "Identity":
                return x!;
            case "Shape":
                return HostTensor.OfLongs([x!.Dims.Length], x.Dims);
            case "Cast":
                var to = node.Int("to", 1);
                return to is 1 or 10 or 11 ? HostTensor.OfFloats(x!.Dims, x.AsFloats()) : HostTensor.OfLongs(x!.Dims, x.AsLongs());
            case "Gather":
                return Gather(node, x!, inputs[1]!);
            case "Unsqueeze":
                return Unsqueeze(x!, node.Ints("axes") ?? inputs[1]!.AsLongs());
            case "Squeeze":
                var axes = node.Ints("axes") ?? inputs.ElementAtOrDefault(1)?.AsLongs();
                var keep = x!.Dims.Where((d, i) => axes is null ? d != 1 : !axes.Select(a => a < 0 ? a + x.Dims.Length : a).Contains(i)).ToArray();
                return Reshaped(x, keep);
            case "Concat":
                if (x!.Dims.Length > 1)
                {
                    throw new UnsupportedGraphException(node, "host Concat of tensors of rank above 1");
                }

                var parts = inputs.Select(t => t!).ToList();
                return parts.All(t => t.IsFloat)
                    ? HostTensor.OfFloats([parts.Sum(t => t.Count)], parts.SelectMany(t => t.Floats!).ToArray())
                    : HostTensor.OfLongs([parts.Sum(t => t.Count)], parts.SelectMany(t => t.AsLongs()).ToArray());
            case "Reshape":
                return Reshaped(x!, ReshapeDims(x!, inputs[1]!.AsLongs()));
            case "ConstantOfShape":
                var dims = x!.AsLongs();
                var fill = node.Attributes.TryGetValue("value", out var v) && v.Tensor is { } t ? t : HostTensor.OfFloats([1], [0f]);
                var count = HostTensor.ElementCount(dims);
                return fill.IsFloat ? HostTensor.OfFloats(dims, Enumerable.Repeat(fill.Floats![0], (int)count).ToArray())
                    : HostTensor.OfLongs(dims, Enumerable.Repeat(fill.Longs![0], (int)count).ToArray());
            case "Where":
                return Broadcast(node, [x!, inputs[1]!, inputs[2]!], a => a[0] != 0 ? a[1] : a[2], inputs[1]!.IsFloat || inputs[2]!.IsFloat);
            case "Equal":
                return Broadcast(node, [x!, inputs[1]!], a => a[0] == a[1] ? 1 : 0, false);
            case "Sqrt":
                return HostTensor.OfFloats(x!.Dims, x.AsFloats().Select(MathF.Sqrt).ToArray());
            case "Add" or "Sub" or "Mul" or "Div":
                Func<double[], double> op = node.OpType switch
                {
                    "Add" => a => a[0] + a[1],
                    "Sub" => a => a[0] - a[1],
                    "Mul" => a => a[0] * a[1],
                    _ => a => x!.IsFloat ? a[0] / a[1] : Math.Truncate(a[0] / a[1]),
                };
                return Broadcast(node, [x!, inputs[1]!], op, x!.IsFloat || inputs[1]!.IsFloat);
            default:
                throw new UnsupportedGraphException(node, "no host evaluation for this operator");
        }
    }

    /// <summary>The shape of a GPU tensor as the Shape operator returns it.</summary>
    public static HostTensor ShapeOf(TensorView view) => HostTensor.OfLongs([4], [1, view.C, view.H, view.W]);

    private static HostTensor Gather(GraphNode node, HostTensor data, HostTensor indices)
    {
        if (node.Int("axis", 0) != 0 || data.Dims.Length != 1)
        {
            throw new UnsupportedGraphException(node, "host Gather other than axis 0 of a 1-D tensor");
        }

        var picked = indices.AsLongs().Select(i => i < 0 ? i + data.Count : i).ToArray();
        return data.IsFloat ? HostTensor.OfFloats(indices.Dims, picked.Select(i => data.Floats![i]).ToArray())
            : HostTensor.OfLongs(indices.Dims, picked.Select(i => data.Longs![i]).ToArray());
    }

    private static HostTensor Unsqueeze(HostTensor x, long[] axes)
    {
        var rank = x.Dims.Length + axes.Length;
        var normalized = axes.Select(a => a < 0 ? a + rank : a).ToHashSet();
        var dims = new List<long>();
        var source = 0;
        for (var i = 0; i < rank; i++)
        {
            dims.Add(normalized.Contains(i) ? 1 : x.Dims[source++]);
        }

        return Reshaped(x, [.. dims]);
    }

    private static long[] ReshapeDims(HostTensor x, long[] shape)
    {
        var dims = shape.Select((d, i) => d == 0 ? x.Dims[i] : d).ToArray();
        var unknown = Array.IndexOf(dims, -1L);
        if (unknown >= 0)
        {
            dims[unknown] = x.Count / HostTensor.ElementCount(dims.Where((_, i) => i != unknown).ToArray());
        }

        return dims;
    }

    private static HostTensor Reshaped(HostTensor x, long[] dims) =>
        x.IsFloat ? HostTensor.OfFloats(dims, x.Floats!) : HostTensor.OfLongs(dims, x.Longs!);

    /// <summary>An elementwise operation with NumPy broadcasting.</summary>
    private static HostTensor Broadcast(GraphNode node, HostTensor[] operands, Func<double[], double> op, bool floatResult)
    {
        var rank = operands.Max(o => o.Dims.Length);
        var dims = new long[rank];
        for (var axis = 0; axis < rank; axis++)
        {
            dims[axis] = 1;
            foreach (var o in operands)
            {
                var d = Dim(o, axis, rank);
                if (d != 1 && dims[axis] != 1 && d != dims[axis])
                {
                    throw new UnsupportedGraphException(node, "operands that do not broadcast");
                }

                dims[axis] = Math.Max(dims[axis], d);
            }
        }

        var count = HostTensor.ElementCount(dims);
        var values = new double[count];
        var arguments = new double[operands.Length];
        for (long i = 0; i < count; i++)
        {
            for (var k = 0; k < operands.Length; k++)
            {
                arguments[k] = operands[k].At(SourceIndex(operands[k], dims, i));
            }

            values[i] = op(arguments);
        }

        return floatResult ? HostTensor.OfFloats(dims, values.Select(v => (float)v).ToArray())
            : HostTensor.OfLongs(dims, values.Select(v => (long)v).ToArray());
    }

    private static long Dim(HostTensor t, int axis, int rank)
    {
        var i = axis - (rank - t.Dims.Length);
        return i < 0 ? 1 : t.Dims[i];
    }

    private static long SourceIndex(HostTensor t, long[] dims, long linear)
    {
        long index = 0, stride = 1;
        for (var axis = dims.Length - 1; axis >= 0; axis--)
        {
            var coordinate = linear % dims[axis];
            linear /= dims[axis];
            var d = Dim(t, axis, dims.Length);
            if (d != 1)
            {
                index += coordinate * stride;
            }

            stride *= d;
        }

        return index;
    }
}
