namespace NeuralPost.Inference.GpuCompute;

/// <summary>Elementwise operators and the ones that only move data: Split, Slice, Concat, Expand.</summary>
internal sealed partial class PlanBuilder
{
    private const string EltwiseKernel = "Inference/eltwise.comp";

    private enum EltwiseOp
    {
        Copy = 0,
        Add = 1,
        Sub = 2,
        Mul = 3,
        Div = 4,
        Pow = 5,
        Relu = 6,
        LeakyRelu = 7,
        Sigmoid = 8,
        Sqrt = 9,
    }

    /// <summary>How an operand is walked over the output box: offset and per-axis strides (0 broadcasts).</summary>
    private readonly record struct Walk(Operand Operand, int StrideC, int StrideY, int StrideX);

    private void EmitUnary(GraphNode node)
    {
        var x = Gpu(node, 0);
        var op = node.OpType switch
        {
            "Relu" => EltwiseOp.Relu,
            "LeakyRelu" => EltwiseOp.LeakyRelu,
            "Sigmoid" => EltwiseOp.Sigmoid,
            _ => EltwiseOp.Sqrt,
        };
        var y = NewValue(node.Outputs[0], x.C, x.H, x.W);
        Eltwise(node.Name, op, node.Float("alpha", 0.01f), Strides(x), null, y, Strides(y), y);
    }

    private void EmitBinary(GraphNode node)
    {
        var dims = new[] { Dims(node, 0), Dims(node, 1) };
        var (c, h, w) = (Broadcast(node, dims, 0), Broadcast(node, dims, 1), Broadcast(node, dims, 2));
        var a = OperandWalk(node, 0, c, h, w);
        var b = OperandWalk(node, 1, c, h, w);
        var op = Enum.Parse<EltwiseOp>(node.OpType);
        if (op == EltwiseOp.Mul && TryDeferChannelScale(node, c, h, w))
        {
            return;
        }

        var y = NewValue(node.Outputs[0], c, h, w);
        Eltwise(node.Name, op, 0f, a, b, y, Strides(y), y);
    }

    /// <summary>
    /// A channel attention's x * s(c) whose only reader is a Conv costs no pass: the Conv scales each input channel
    /// as it loads it (IMDN's contrast attention before its 1x1 fuse conv).
    /// </summary>
    private bool TryDeferChannelScale(GraphNode node, int c, int h, int w)
    {
        if (!_convOnlyInputs.Contains(node.Outputs[0]) || !_gpu.TryGetValue(node.Inputs[0], out var a) || !_gpu.TryGetValue(node.Inputs[1], out var b))
        {
            return false;
        }

        var (x, s) = b.H == 1 && b.W == 1 ? (a, b) : (b, a);
        if ((x.C, x.H, x.W) != (c, h, w) || (s.C, s.H, s.W) != (c, 1, 1))
        {
            return false;
        }

        _scaled[node.Outputs[0]] = (x, s);
        return true;
    }

    private void EmitExpand(GraphNode node)
    {
        var x = Gpu(node, 0);
        var shape = Host(node, 1)?.AsLongs() ?? throw new UnsupportedGraphException(node, "a shape computed on the GPU");
        var target = new (int C, int H, int W)[] { (x.C, x.H, x.W), ToChw(node, shape) };
        var (c, h, w) = (Broadcast(node, target, 0), Broadcast(node, target, 1), Broadcast(node, target, 2));
        var y = NewValue(node.Outputs[0], c, h, w);
        Eltwise(node.Name, EltwiseOp.Copy, 0f, ViewWalk(x, c, h, w), null, y, Strides(y), y);
    }

    private void EmitSplit(GraphNode node)
    {
        var x = Gpu(node, 0);
        if (NormalizeAxis(node.Int("axis", 0)) != 1)
        {
            throw new UnsupportedGraphException(node, "a split along an axis other than channels");
        }

        var sizes = Host(node, 1)?.AsLongs() ?? node.Ints("split")
            ?? Enumerable.Repeat((long)DivUp(x.C, node.Outputs.Length), node.Outputs.Length).ToArray();
        var first = 0;
        for (var i = 0; i < node.Outputs.Length; i++)
        {
            var count = (int)Math.Min(sizes[i], x.C - first);
            _gpu[node.Outputs[i]] = x.Channels(first, count);
            first += count;
        }

        if (first != x.C)
        {
            throw new ModelContractException($"{_graph.Path}: {node} splits {x.C} channels into {string.Join('+', sizes)}");
        }
    }

    private void EmitSlice(GraphNode node)
    {
        var x = Gpu(node, 0);
        var starts = Host(node, 1)?.AsLongs();
        var ends = Host(node, 2)?.AsLongs();
        if (starts is null || ends is null)
        {
            throw new UnsupportedGraphException(node, "slice bounds computed on the GPU");
        }

        var axes = Host(node, 3)?.AsLongs() ?? Enumerable.Range(0, starts.Length).Select(i => (long)i).ToArray();
        var steps = Host(node, 4)?.AsLongs() ?? Enumerable.Repeat(1L, starts.Length).ToArray();
        if (steps.Any(s => s != 1))
        {
            throw new UnsupportedGraphException(node, "a slice step other than 1");
        }

        var lo = new[] { 0, 0, 0, 0 };
        var hi = new[] { 1, x.C, x.H, x.W };
        for (var i = 0; i < axes.Length; i++)
        {
            var axis = NormalizeAxis(axes[i]);
            var size = hi[axis];
            lo[axis] = (int)Math.Clamp(starts[i] < 0 ? starts[i] + size : starts[i], 0, size);
            hi[axis] = (int)Math.Clamp(ends[i] < 0 ? ends[i] + size : ends[i], 0, size);
        }

        var (c, h, w) = (hi[1] - lo[1], hi[2] - lo[2], hi[3] - lo[3]);
        if (lo[0] != 0 || hi[0] != 1)
        {
            throw new UnsupportedGraphException(node, "a slice of the batch axis");
        }

        if (h == x.H && w == x.W)
        {
            _gpu[node.Outputs[0]] = x.Channels(lo[1], c);
            return;
        }

        var y = NewValue(node.Outputs[0], c, h, w);
        var source = x with { Offset = x.Offset + (lo[1] * x.Plane) + (lo[2] * x.W) + lo[3] };
        Eltwise(node.Name, EltwiseOp.Copy, 0f, new Walk(Operand.Of(source), x.Plane, x.W, 1), null, y, Strides(y), y);
    }

    private void EmitConcat(GraphNode node)
    {
        var axis = NormalizeAxis(node.Int("axis", 0));
        var parts = node.Inputs.Select((_, i) => Gpu(node, i)).ToList();
        var (c, h, w) = (parts[0].C, parts[0].H, parts[0].W);
        if (axis == 0 || parts.Any(p => (axis != 1 && p.C != c) || (axis != 2 && p.H != h) || (axis != 3 && p.W != w)))
        {
            throw new ModelContractException($"{_graph.Path}: {node} concatenates {string.Join(", ", parts)} along axis {axis}");
        }

        var y = NewValue(node.Outputs[0], axis == 1 ? parts.Sum(p => p.C) : c, axis == 2 ? parts.Sum(p => p.H) : h, axis == 3 ? parts.Sum(p => p.W) : w);
        var at = 0;
        var placed = new HashSet<PlanStorage>();
        foreach (var part in parts)
        {
            var offset = axis switch { 1 => at * y.Plane, 2 => at * y.W, _ => at };
            if (axis == 1 && part.IsWholeStorage && part.Storage.CanPlace && placed.Add(part.Storage))
            {
                // The producer writes straight into the concatenation: no copy.
                part.Storage.PlaceIn(y.Storage, y.Offset + offset);
            }
            else
            {
                var target = y with { Offset = y.Offset + offset, C = part.C, H = part.H, W = part.W };
                Copy(node.Name, Operand.Of(part), Strides(part), target, Strides(y) with { Operand = Operand.Of(target) });
            }

            at += axis switch { 1 => part.C, 2 => part.H, _ => part.W };
        }
    }

    private void Copy(string node, Operand source, Walk walk, TensorView target, Walk? targetWalk = null) =>
        Eltwise(node, EltwiseOp.Copy, 0f, walk with { Operand = source }, null, target, targetWalk ?? Strides(target), target);

    /// <summary>One eltwise dispatch over <paramref name="box"/>'s C x H x W, written through <paramref name="outWalk"/>.</summary>
    private void Eltwise(string node, EltwiseOp op, float alpha, Walk a, Walk? b, TensorView outView, Walk outWalk, TensorView box)
    {
        var total = box.Count;
        var groups = DivUp(total, 256);
        var gx = Math.Min(groups, 32768);
        var bOperand = b?.Operand;
        Steps.Add(new StepSpec
        {
            Node = node,
            Kernel = EltwiseKernel,
            Bindings = [a.Operand, bOperand, Operand.Of(outView)],
            Parameters = () =>
            [
                (int)op, Bits(alpha), box.C, box.H, box.W,
                a.Operand.AbsoluteOffset, a.StrideC, a.StrideY, a.StrideX,
                bOperand?.AbsoluteOffset ?? 0, b?.StrideC ?? 0, b?.StrideY ?? 0, b?.StrideX ?? 0,
                outWalk.Operand.AbsoluteOffset, outWalk.StrideC, outWalk.StrideY, outWalk.StrideX,
            ],
            Groups = (gx, DivUp(groups, gx), 1),
        });
    }

    private static Walk Strides(TensorView view) => new(Operand.Of(view), view.Plane, view.W, 1);

    private static Walk ViewWalk(TensorView v, int c, int h, int w) =>
        new(Operand.Of(v), v.C == 1 && c > 1 ? 0 : v.Plane, v.H == 1 && h > 1 ? 0 : v.W, v.W == 1 && w > 1 ? 0 : 1);

    /// <summary>An operand of a binary node: a GPU tensor, a constant in the weights, or a folded value in the plan data.</summary>
    private Walk OperandWalk(GraphNode node, int index, int c, int h, int w)
    {
        if (_gpu.TryGetValue(node.Inputs[index], out var view))
        {
            return ViewWalk(view, c, h, w);
        }

        var t = Host(node, index)!;
        var (tc, th, tw) = ToChw(node, t.Dims);
        var plane = th * tw;
        var operand = _weightOffsets.TryGetValue(node.Inputs[index], out var offset)
            ? new Operand(null, OperandSource.Weights, offset)
            : new Operand(null, OperandSource.PlanData, AppendPlanFloats(t.AsFloats()));
        return new Walk(operand, tc == 1 && c > 1 ? 0 : plane, th == 1 && h > 1 ? 0 : tw, tw == 1 && w > 1 ? 0 : 1);
    }

    private int AppendPlanFloats(float[] values)
    {
        var offset = PlanFloats.Count;
        PlanFloats.AddRange(values);
        return offset;
    }

    private (int C, int H, int W) Dims(GraphNode node, int index) =>
        _gpu.TryGetValue(node.Inputs[index], out var v) ? (v.C, v.H, v.W) : ToChw(node, Host(node, index)!.Dims);

    /// <summary>Right-aligns dims to NCHW (NumPy broadcasting); the batch must be 1.</summary>
    private static (int C, int H, int W) ToChw(GraphNode node, IReadOnlyList<long> dims)
    {
        if (dims.Count > 4 || (dims.Count == 4 && dims[0] != 1))
        {
            throw new UnsupportedGraphException(node, $"a [{string.Join('x', dims)}] operand");
        }

        long At(int fromEnd) => dims.Count >= fromEnd ? dims[^fromEnd] : 1;
        return ((int)At(3), (int)At(2), (int)At(1));
    }

    private int Broadcast(GraphNode node, (int C, int H, int W)[] dims, int axis)
    {
        var values = dims.Select(d => axis switch { 0 => d.C, 1 => d.H, _ => d.W }).ToList();
        var size = values.Max();
        if (values.Any(v => v != 1 && v != size))
        {
            throw new ModelContractException($"{_graph.Path}: {node} operands do not broadcast ({string.Join(" vs ", dims)})");
        }

        return size;
    }

    private static int NormalizeAxis(long axis) => (int)(axis < 0 ? axis + 4 : axis);
}
