using System.Diagnostics;
using NeuralPost.Imaging;
using NeuralPost.Inference;
using NeuralPost.Inference.GpuCompute;

namespace NeuralPost.Tests.Inference.GpuCompute;

/// <summary>
/// Every shipped network through the GPU-compute runner (llvmpipe here) and through ONNX Runtime on the CPU, on a
/// real image crop: the outputs must agree to 2e-3 on the [0, 1] scale (fp32 both sides; the gap is summation order).
/// </summary>
internal sealed class GpuComputeParityTests : GpuComputeFixture
{
    private const float Tolerance = 2e-3f;
    // SR crops are small so llvmpipe on 2 cores stays fast; dehaze needs multiples of 16 (4 stride-2 levels).
    [TestCase("imdn-rtc-x2", 24, 20)]
    [TestCase("imdn-x2", 24, 20)]
    [TestCase("imdn-x3", 24, 20)]
    [TestCase("imdn-x4", 24, 20)]
    [TestCase("lapsrn-x2", 24, 20)]
    [TestCase("lapsrn-x4", 16, 12)]
    [TestCase("lapsrn-x8", 12, 10)]
    [TestCase("dehaze", 48, 32)]
    [TestCase("dehaze-no-kt", 48, 32)]
    [TestCase("dehaze-no-detail", 48, 32)]
    public void MatchesOnnxRuntimeOnARealCrop(string id, int width, int height) => Compare(id, width, height, ConvolutionKernel.Auto);

    // The shared-memory kernel hardware GPUs get: K 1 and 3, stride 2, shuffle, residual and channel scale paths.
    [TestCase("imdn-rtc-x2", 24, 20)]
    [TestCase("imdn-x2", 24, 20)]
    [TestCase("dehaze", 48, 32)]
    public void TiledConvolutionMatchesOnnxRuntime(string id, int width, int height) => Compare(id, width, height, ConvolutionKernel.Tiled);

    private void Compare(string id, int width, int height, ConvolutionKernel kernel)
    {
        var path = GpuComputeRig.Model(id);
        var shape = NchwShape.Rgb(height, width);
        var input = ImageTensor.ToTensor(GpuComputeRig.Picture(width, height));
        var expected = GpuComputeRig.RunOrt(Ort, path, input, shape, out var expectedShape);

        var clock = Stopwatch.StartNew();
        using var runner = GpuComputeRunner.Open(Device, path, new GpuComputeOptions { Convolution = kernel });
        var actual = GpuComputeRig.RunGpu(Device, runner, input, shape, out var actualShape);

        var difference = GpuComputeRig.MaxAbsDifference(actual, expected);
        TestContext.Out.WriteLine($"{id} {width}x{height} {runner.Description}: max |gpu - ort| = {difference:E2} ({clock.ElapsedMilliseconds} ms load + plan + run)");
        Assert.Multiple(() =>
        {
            Assert.That(actualShape, Is.EqualTo(expectedShape));
            Assert.That(difference, Is.LessThanOrEqualTo(Tolerance));
        });
    }
}
