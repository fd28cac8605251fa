namespace NeuralPost.Inference.GpuCompute;

/// <summary>Conv and ConvTranspose with their fused epilogues.</summary>
internal sealed partial class PlanBuilder
{
    private const string ConvKernel = "Inference/conv2d.comp";
    private const string DirectConvKernel = "Inference/conv2d_direct.comp";
    private const string ConvTransposeKernel = "Inference/conv_transpose.comp";

    private void EmitConv(GraphNode node)
    {
        var (x, scale) = _scaled.TryGetValue(node.Inputs[0], out var scaled) ? (scaled.X, (TensorView?)scaled.Scale) : (Gpu(node, 0), null);
        var (weight, wOffset, bOffset) = Filters(node);
        var oc = (int)weight.Dims[0];
        var k = (int)weight.Dims[2];
        CheckConvAttributes(node, weight, x.C, (int)weight.Dims[1], transposed: false);
        var stride = Stride(node);
        var pads = Pads(node);
        var outH = ((x.H + pads[0] + pads[2] - k) / stride) + 1;
        var outW = ((x.W + pads[1] + pads[3] - k) / stride) + 1;

        var e = node.Epilogue;
        var r = e.Shuffle;
        if (oc % (r * r) != 0)
        {
            throw new ModelContractException($"{_graph.Path}: {node} has {oc} channels, not a multiple of DepthToSpace {r}^2");
        }

        var y = NewValue(node.Outputs[0], oc / (r * r), outH * r, outW * r);
        MultiplyAdds += (long)oc * outH * outW * x.C * k * k;
        var residual = Residual(node, y);
        var oct = oc % 8 == 0 ? 8 : 4;
        Add(node, _directConvolution ? DirectConvKernel : ConvKernel, [$"KSIZE {k}", $"STRIDE {stride}", $"OCT {oct}"],
            [Operand.Of(x), residual is null ? null : Operand.Of(residual), Operand.Of(y), null, null, scale is null ? null : Operand.Of(scale)],
            () => ConvParameters(x, y, oc, outH, outW, wOffset, bOffset, pads, e, residual, scale, node.Padding),
            (DivUp(outW, 16), DivUp(outH, 8), DivUp(oc, oct)));
    }

    private void EmitConvTranspose(GraphNode node)
    {
        var x = Gpu(node, 0);
        var (weight, wOffset, bOffset) = Filters(node);
        var oc = (int)weight.Dims[1];
        CheckConvAttributes(node, weight, x.C, (int)weight.Dims[0], transposed: true);
        var (kH, kW) = ((int)weight.Dims[2], (int)weight.Dims[3]);
        var strides = node.Ints("strides") ?? [1, 1];
        var (sY, sX) = ((int)strides[0], (int)strides[1]);
        var pads = Pads(node);
        var outputPadding = node.Ints("output_padding") ?? [0, 0];
        if (node.Ints("output_shape") is not null)
        {
            throw new UnsupportedGraphException(node, "output_shape");
        }

        var outH = (sY * (x.H - 1)) + (int)outputPadding[0] + kH - pads[0] - pads[2];
        var outW = (sX * (x.W - 1)) + (int)outputPadding[1] + kW - pads[1] - pads[3];
        var y = NewValue(node.Outputs[0], oc, outH, outW);
        MultiplyAdds += (long)x.C * x.H * x.W * oc * kH * kW;
        var e = node.Epilogue;
        var residual = Residual(node, y);
        Add(node, ConvTransposeKernel, [],
            [Operand.Of(x), residual is null ? null : Operand.Of(residual), Operand.Of(y)],
            () => [.. ConvParameters(x, y, oc, outH, outW, wOffset, bOffset, pads, e, residual, null, Padding.Zero), kH, kW, sY, sX],
            (DivUp(outW, 16), DivUp(outH, 8), DivUp(oc, 4)));
    }

    private int[] ConvParameters(TensorView x, TensorView y, int oc, int outH, int outW, int wOffset, int bOffset, int[] pads,
        Epilogue e, TensorView? residual, TensorView? scale, Padding padding)
    {
        return
        [
            x.AbsoluteOffset, x.C, x.H, x.W, y.AbsoluteOffset, oc, outH, outW, wOffset, bOffset, pads[0], pads[1],
            (int)e.Activation, Bits(e.Alpha), e.Shuffle, residual?.AbsoluteOffset ?? -1, scale?.AbsoluteOffset ?? -1, (int)padding,
        ];
    }

    private TensorView? Residual(GraphNode node, TensorView y)
    {
        if (node.Epilogue.Residual is not { } name)
        {
            return null;
        }

        var residual = _gpu.TryGetValue(name, out var view) ? view : throw new UnsupportedGraphException(node, "a residual held on the host");
        if ((residual.C, residual.H, residual.W) != (y.C, y.H, y.W))
        {
            throw new ModelContractException($"{_graph.Path}: {node} adds a {residual} residual to a {y} result");
        }

        return residual;
    }

    private (HostTensor Weight, int WeightOffset, int BiasOffset) Filters(GraphNode node)
    {
        var weightName = node.Input(1);
        if (weightName is null || !_host.TryGetValue(weightName, out var weight) || !weight.IsFloat || weight.Dims.Length != 4
            || !_weightOffsets.TryGetValue(weightName, out var wOffset))
        {
            throw new UnsupportedGraphException(node, "weights that are not a constant 4-D float tensor");
        }

        var bOffset = -1;
        if (node.Input(2) is { } biasName && !_weightOffsets.TryGetValue(biasName, out bOffset))
        {
            throw new UnsupportedGraphException(node, "a bias that is not a constant");
        }

        return (weight, wOffset, bOffset);
    }

    private void CheckConvAttributes(GraphNode node, HostTensor weight, int inputChannels, int weightInputChannels, bool transposed)
    {
        if (node.Int("group", 1) != 1)
        {
            throw new UnsupportedGraphException(node, "grouped convolution");
        }

        if ((node.Ints("dilations") ?? [1, 1]).Any(d => d != 1))
        {
            throw new UnsupportedGraphException(node, "dilation");
        }

        if (node.Text("auto_pad", "NOTSET") != "NOTSET")
        {
            throw new UnsupportedGraphException(node, "auto_pad");
        }

        if (!transposed && (weight.Dims[2] != weight.Dims[3] || weight.Dims[2] > 7 || (node.Ints("strides") ?? [1, 1]).Distinct().Count() != 1))
        {
            throw new UnsupportedGraphException(node, "a non-square kernel or stride, or a kernel above 7x7");
        }

        if (inputChannels != weightInputChannels)
        {
            throw new ModelContractException($"{_graph.Path}: {node} expects {weightInputChannels} input channels, gets {inputChannels}");
        }
    }

    private static int Stride(GraphNode node) => (int)(node.Ints("strides") ?? [1, 1])[0];

    /// <summary>ONNX pads [top, left, bottom, right].</summary>
    private static int[] Pads(GraphNode node) => (node.Ints("pads") ?? [0, 0, 0, 0]).Select(p => (int)p).ToArray();
}
