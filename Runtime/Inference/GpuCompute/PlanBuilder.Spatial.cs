namespace NeuralPost.Inference.GpuCompute;

/// <summary>Reductions, pooling, resizing, padding and DepthToSpace.</summary>
internal sealed partial class PlanBuilder
{
    /// <summary>The kernels that write per-channel statistics (the compiler keeps their outputs fp32).</summary>
    internal const string StatisticsPartialsKernel = "Inference/channel_partials.comp";

    internal const string StatisticsKernel = "Inference/channel_stats.comp";

    /// <summary>Floats one channel_partials.comp work group summarises (its CHUNK).</summary>
    private const int StatisticsChunk = 4096;

    /// <summary>
    /// Per-channel mean (mode 0) or standard deviation + mean (mode 1). Planes larger than a chunk take two
    /// stages, so a frame's 64 channels of 100k+ values each keep the whole GPU busy, not 64 work groups.
    /// </summary>
    private void EmitChannelStats(GraphNode node, int mode)
    {
        var x = Gpu(node, 0);
        var y = NewValue(node.Outputs[0], x.C, 1, 1);
        var chunks = x.Plane > StatisticsChunk ? DivUp(x.Plane, StatisticsChunk) : 0;
        var source = x;
        if (chunks > 0)
        {
            source = new TensorView(new PlanStorage(x.C * chunks * 2), 0, 1, 1, x.C * chunks * 2);
            var partials = source;
            Add(node, StatisticsPartialsKernel, [], [Operand.Of(x), null, Operand.Of(partials)],
                () => [x.AbsoluteOffset, x.Plane, partials.AbsoluteOffset], (chunks, x.C, 1));
        }

        Add(node, StatisticsKernel, [], [Operand.Of(source), null, Operand.Of(y)],
            () => [source.AbsoluteOffset, x.Plane, y.AbsoluteOffset, mode, chunks], (x.C, 1, 1));
    }

    private void EmitAveragePool(GraphNode node)
    {
        var x = Gpu(node, 0);
        var kernel = node.Ints("kernel_shape") ?? throw new UnsupportedGraphException(node, "a pool without kernel_shape");
        var strides = node.Ints("strides") ?? [1, 1];
        var pads = Pads(node);
        if (node.Int("ceil_mode", 0) != 0 || node.Text("auto_pad", "NOTSET") != "NOTSET" || (node.Ints("dilations") ?? [1, 1]).Any(d => d != 1))
        {
            throw new UnsupportedGraphException(node, "ceil_mode, auto_pad or dilation");
        }

        var (kH, kW, sY, sX) = ((int)kernel[0], (int)kernel[1], (int)strides[0], (int)strides[1]);
        var outH = ((x.H + pads[0] + pads[2] - kH) / sY) + 1;
        var outW = ((x.W + pads[1] + pads[3] - kW) / sX) + 1;
        var y = NewValue(node.Outputs[0], x.C, outH, outW);
        var includePad = (int)node.Int("count_include_pad", 0);
        Add(node, "Inference/avg_pool.comp", [], [Operand.Of(x), null, Operand.Of(y)],
            () => [x.AbsoluteOffset, x.C, x.H, x.W, y.AbsoluteOffset, y.C, outH, outW, kH, kW, sY, sX, pads[0], pads[1], includePad],
            (DivUp(outW, 16), DivUp(outH, 8), x.C));
    }

    private void EmitResize(GraphNode node)
    {
        var x = Gpu(node, 0);
        var mode = node.Text("mode", "nearest");
        var transform = node.Text("coordinate_transformation_mode", "half_pixel") switch
        {
            "half_pixel" => 0,
            "asymmetric" => 1,
            "align_corners" => 2,
            "pytorch_half_pixel" => 3,
            var other => throw new UnsupportedGraphException(node, $"coordinate_transformation_mode {other}"),
        };
        if (mode != "linear" || node.Int("antialias", 0) != 0 || node.Ints("axes") is not null)
        {
            throw new UnsupportedGraphException(node, $"Resize mode {mode} (only linear over H and W)");
        }

        int outH, outW;
        float scaleY, scaleX;
        if (Host(node, 3) is { } sizes && sizes.Count == 4)
        {
            var s = sizes.AsLongs();
            (outH, outW) = ((int)s[2], (int)s[3]);
            (scaleY, scaleX) = ((float)outH / x.H, (float)outW / x.W);
        }
        else if (Host(node, 2) is { } scales && scales.Count == 4)
        {
            var s = scales.AsFloats();
            if (s[0] != 1 || s[1] != 1)
            {
                throw new UnsupportedGraphException(node, "resizing the batch or channel axis");
            }

            (scaleY, scaleX) = (s[2], s[3]);
            (outH, outW) = ((int)Math.Floor(x.H * scaleY), (int)Math.Floor(x.W * scaleX));
        }
        else
        {
            throw new UnsupportedGraphException(node, "scales or sizes not known on the host");
        }

        var y = NewValue(node.Outputs[0], x.C, outH, outW);
        Add(node, "Inference/resize_linear.comp", [], [Operand.Of(x), null, Operand.Of(y)],
            () => [x.AbsoluteOffset, x.C, x.H, x.W, y.AbsoluteOffset, y.C, outH, outW, Bits(scaleY), Bits(scaleX), transform],
            (DivUp(outW, 16), DivUp(outH, 8), x.C));
    }

    private void EmitPad(GraphNode node)
    {
        var x = Gpu(node, 0);
        var pads = (Host(node, 1)?.AsLongs() ?? node.Ints("pads") ?? throw new UnsupportedGraphException(node, "pads computed on the GPU"))
            .Select(p => (int)p).ToArray();
        if (node.Input(3) is not null || pads.Length != 8 || pads.Any(p => p < 0) || pads[0] + pads[1] + pads[4] + pads[5] != 0)
        {
            throw new UnsupportedGraphException(node, "padding other than non-negative H and W padding of a 4-D tensor");
        }

        if (pads.All(p => p == 0))
        {
            _gpu[node.Outputs[0]] = x;
            return;
        }

        var mode = node.Text("mode", "constant") switch
        {
            "constant" => 0,
            "edge" => 1,
            "reflect" => 2,
            var other => throw new UnsupportedGraphException(node, $"Pad mode {other}"),
        };
        var value = Host(node, 2)?.AsFloats() is [var v, ..] ? v : node.Float("value", 0f);
        var (outH, outW) = (x.H + pads[2] + pads[6], x.W + pads[3] + pads[7]);
        var y = NewValue(node.Outputs[0], x.C, outH, outW);
        Add(node, "Inference/pad.comp", [], [Operand.Of(x), null, Operand.Of(y)],
            () => [x.AbsoluteOffset, x.C, x.H, x.W, y.AbsoluteOffset, y.C, outH, outW, pads[2], pads[3], mode, Bits(value)],
            (DivUp(outW, 16), DivUp(outH, 8), x.C));
    }

    private void EmitDepthToSpace(GraphNode node)
    {
        var x = Gpu(node, 0);
        var r = (int)node.Int("blocksize", 1);
        if (r < 1 || x.C % (r * r) != 0)
        {
            throw new ModelContractException($"{_graph.Path}: {node} cannot shuffle {x.C} channels by {r}");
        }

        var dcr = node.Text("mode", "DCR") == "DCR" ? 1 : 0;
        var y = NewValue(node.Outputs[0], x.C / (r * r), x.H * r, x.W * r);
        Add(node, "Inference/depth_to_space.comp", [], [Operand.Of(x), null, Operand.Of(y)],
            () => [x.AbsoluteOffset, x.C, x.H, x.W, y.AbsoluteOffset, y.C, y.H, y.W, r, dcr],
            (DivUp(y.W, 16), DivUp(y.H, 8), y.C));
    }
}
