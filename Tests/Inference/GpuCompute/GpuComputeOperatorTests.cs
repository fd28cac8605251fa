using NeuralPost.Inference;
using NeuralPost.Inference.GpuCompute;
using Onnx;
using static NeuralPost.Tests.Inference.GpuCompute.OnnxGraphFactory;

namespace NeuralPost.Tests.Inference.GpuCompute;

/// <summary>
/// Operator semantics the shipped models do not reach (edge and reflect padding, DCR DepthToSpace, align_corners
/// resizing, padded pooling, constant operands), each as a tiny graph through both runners. Padding matters
/// most: a re-export with edge padding must not silently turn into zero padding.
/// </summary>
internal sealed class GpuComputeOperatorTests : GpuComputeFixture
{
    private const float Tolerance = 1e-5f;
    private static IEnumerable<TestCaseData> Graphs()
    {
        TensorProto[] conv = [Floats("w", [3, 3, 3, 3], Random(81, 1)), Floats("b", [3], Random(3, 2))];
        foreach (var mode in new[] { "edge", "reflect", "constant" })
        {
            yield return new TestCaseData(
                Model([Node("Pad", "pad", ["x", "pads"], ["p"], Text("mode", mode)), Node("Conv", "conv", ["p", "w", "b"], ["y"], Ints("kernel_shape", 3, 3))],
                    [.. conv, Longs("pads", 0, 0, 1, 2, 0, 0, 1, 2)]), true).SetName($"Pad({mode}) folded into a Conv");
        }

        yield return new TestCaseData(
            Model([Node("Pad", "pad", ["x", "pads"], ["y"], Text("mode", "reflect"))], [Longs("pads", 0, 0, 2, 1, 0, 0, 1, 2)]), false)
            .SetName("Pad(reflect) on its own");
        yield return new TestCaseData(
            Model([Node("Conv", "conv", ["x", "w12"], ["c"], Ints("kernel_shape", 1, 1)), Node("Relu", "relu", ["c"], ["r"]),
                    Node("DepthToSpace", "d2s", ["r"], ["s"], Int("blocksize", 2), Text("mode", "DCR")),
                    Node("AveragePool", "pool", ["s"], ["y"], Ints("kernel_shape", 2, 2), Ints("strides", 2, 2))],
                [Floats("w12", [12, 3, 1, 1], Random(36, 3))]), false)
            .SetName("DepthToSpace (DCR) then AveragePool");
        yield return new TestCaseData(
            Model([Node("Resize", "resize", ["x", "", "scales"], ["y"], Text("mode", "linear"), Text("coordinate_transformation_mode", "align_corners"))],
                [Floats("scales", [4], [1, 1, 2, 2])]), false)
            .SetName("Resize (linear, align_corners)");
        yield return new TestCaseData(
            Model([Node("AveragePool", "pool", ["x"], ["a"], Ints("kernel_shape", 3, 3), Ints("pads", 1, 1, 1, 1)),
                    Node("Sub", "sub", ["a", "mean"], ["d"]), Node("Div", "div", ["d", "scale"], ["y"])],
                [Floats("mean", [1, 3, 1, 1], [0.4f, 0.5f, 0.6f]), Floats("scale", [3, 1, 1], [2f, 0.5f, 4f])]), false)
            .SetName("AveragePool (padded) and constant broadcasts");
    }

    [TestCaseSource(nameof(Graphs))]
    public void MatchesOnnxRuntime(byte[] bytes, bool padFolded)
    {
        using var model = Write(bytes);
        var shape = NchwShape.Rgb(7, 9);
        var input = Random(3 * 7 * 9, 9).Select(v => v + 0.5f).ToArray();
        var expected = GpuComputeRig.RunOrt(Ort, model.Path, input, shape, out var expectedShape);
        foreach (var kernel in new[] { ConvolutionKernel.Direct, ConvolutionKernel.Tiled })
        {
            using var runner = GpuComputeRunner.Open(Device, model.Path, new GpuComputeOptions { Convolution = kernel });
            var actual = GpuComputeRig.RunGpu(Device, runner, input, shape, out var actualShape);
            var nodes = ((GpuNetwork)runner).Graph.Nodes;
            Assert.Multiple(() =>
            {
                Assert.That(actualShape, Is.EqualTo(expectedShape), kernel.ToString());
                Assert.That(GpuComputeRig.MaxAbsDifference(actual, expected), Is.LessThanOrEqualTo(Tolerance), kernel.ToString());
                Assert.That(nodes.Any(n => n.OpType == "Pad"), Is.EqualTo(!padFolded && nodes.Any(n => n.Name == "pad")), "Pad folded into the Conv");
            });
        }
    }

    /// <summary>IMDN's contrast and a global average pool over planes large enough for the two-stage reduction.</summary>
    [TestCase(96, 128)]
    [TestCase(20, 24)]
    public void ChannelStatisticsMatchOnnxRuntime(int height, int width)
    {
        using var model = Write(Model(
            [
                Node("ReduceMean", "mean", ["x"], ["m"], Ints("axes", 2, 3), Int("keepdims", 1)),
                Node("Sub", "sub", ["x", "m"], ["d"]), Node("Pow", "pow", ["d", "two"], ["p"]),
                Node("ReduceMean", "variance", ["p"], ["v"], Ints("axes", 2, 3), Int("keepdims", 1)),
                Node("Sqrt", "sqrt", ["v"], ["s"]), Node("Add", "contrast", ["s", "m"], ["a"]),
                Node("GlobalAveragePool", "pool", ["x"], ["g"]), Node("Mul", "scale", ["x", "a"], ["xa"]),
                Node("Add", "y", ["xa", "g"], ["y"]),
            ],
            [Floats("two", [], [2f])]));
        var shape = NchwShape.Rgb(height, width);
        var random = new Random(4);
        // Offset values, as activations are: a naive E[x^2] - E[x]^2 would lose the deviation here.
        var input = Enumerable.Range(0, (int)shape.ElementCount).Select(_ => 3f + (float)random.NextDouble() * 0.1f).ToArray();
        var expected = GpuComputeRig.RunOrt(Ort, model.Path, input, shape, out _);
        using var runner = GpuComputeRunner.Open(Device, model.Path);
        Assert.That(((GpuNetwork)runner).Graph.Operators, Does.Contain(GraphFusion.ChannelContrast));
        var actual = GpuComputeRig.RunGpu(Device, runner, input, shape, out _);
        Assert.That(GpuComputeRig.MaxAbsDifference(actual, expected), Is.LessThanOrEqualTo(5e-5f), "outputs near 12: fp32 rounding of sums over 12k values");
    }
}
