using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Imaging;
using NeuralPost.Inference;
using NeuralPost.Inference.GpuCompute;

namespace NeuralPost.Tests.Inference.GpuCompute;

/// <summary>
/// fp16 activation storage (<see cref="TensorStorage.Float16"/>): every shipped network against ONNX Runtime, the
/// plan's memory against the fp32 plan's, and odd sizes whose half words are shared by two invocations.
/// </summary>
internal sealed class GpuComputeHalfStorageTests : GpuComputeFixture
{
    // Under one 8-bit output level (1/255 = 3.9e-3): fp16's 11-bit significand rounds each stored activation by
    // <= 2^-11 relative and ~20 of them compound (measured <= 9e-4 on these crops). A wrong word, lane or lost
    // neighbour half is off by far more.
    private const float Tolerance = 3e-3f;

    private static readonly GpuComputeOptions Half = new() { Storage = TensorStorage.Float16 };

    // 23x19 makes every plane odd, so channel views start mid-word and neighbouring invocations share words.
    [TestCase("imdn-rtc-x2", 24, 20)]
    [TestCase("imdn-rtc-x2", 23, 19)]
    [TestCase("imdn-x2", 24, 20)]
    [TestCase("imdn-x3", 23, 19)]
    [TestCase("imdn-x4", 24, 20)]
    [TestCase("lapsrn-x2", 23, 19)]
    [TestCase("lapsrn-x4", 16, 12)]
    [TestCase("lapsrn-x8", 12, 10)]
    [TestCase("dehaze", 48, 32)]
    public void MatchesOnnxRuntimeWithinHalfPrecision(string id, int width, int height) => Compare(id, width, height, ConvolutionKernel.Auto);

    // The shared-memory kernel hardware GPUs get, on the odd size.
    [TestCase("imdn-rtc-x2", 23, 19)]
    [TestCase("dehaze", 48, 32)]
    public void TiledConvolutionMatchesWithinHalfPrecision(string id, int width, int height) => Compare(id, width, height, ConvolutionKernel.Tiled);

    private void Compare(string id, int width, int height, ConvolutionKernel kernel)
    {
        var path = GpuComputeRig.Model(id);
        var shape = NchwShape.Rgb(height, width);
        var input = ImageTensor.ToTensor(GpuComputeRig.Picture(width, height));
        var expected = GpuComputeRig.RunOrt(Ort, path, input, shape, out _);

        using var half = GpuComputeRunner.Open(Device, path, Half with { Convolution = kernel });
        var actual = GpuComputeRig.RunGpu(Device, half, input, shape, out _);
        using var full = GpuComputeRunner.Open(Device, path, new GpuComputeOptions { Convolution = kernel });
        var reference = GpuComputeRig.RunGpu(Device, full, input, shape, out _);

        var difference = GpuComputeRig.MaxAbsDifference(actual, expected);
        var fromFp32 = GpuComputeRig.MaxAbsDifference(actual, reference);
        TestContext.Out.WriteLine($"{id} {width}x{height} {half.Description}: max |fp16 - ort| = {difference:E2}, max |fp16 - fp32| = {fromFp32:E2}");
        Assert.Multiple(() =>
        {
            Assert.That(half.Description, Does.Contain("fp16"));
            Assert.That(difference, Is.LessThanOrEqualTo(Tolerance));
            // Proves the activations really were rounded to half: fp32 storage agrees with ORT to ~1e-6.
            Assert.That(fromFp32, Is.GreaterThan(1e-5f));
        });
    }

    [TestCase("imdn-rtc-x2")]
    [TestCase("imdn-x2")]
    public void HalvesTheIntermediateMemory(string id)
    {
        var shape = NchwShape.Rgb(40, 64);
        var fp32 = BoundBytes(GpuComputeRunner.Open(Device, GpuComputeRig.Model(id)), shape);
        var fp16 = BoundBytes(GpuComputeRunner.Open(Device, GpuComputeRig.Model(id), Half), shape);
        TestContext.Out.WriteLine($"{id} 64x40: plan buffers fp32 {fp32:N0} B, fp16 {fp16:N0} B ({(double)fp16 / fp32:P0})");
        // Parameter words and statistics stay 32-bit, so a little over half.
        Assert.That(fp16, Is.InRange(fp32 * 0.45, fp32 * 0.56));
    }

    [Test]
    public void UndefinedStorageIsRefused()
    {
        var options = new GpuComputeOptions { Storage = (TensorStorage)7 };
        Assert.Throws<ArgumentOutOfRangeException>(() => GpuComputeRunner.Open(Device, GpuComputeRig.Model("imdn-rtc-x2"), options));
    }

    private long BoundBytes(IGpuNetworkRunner runner, NchwShape shape)
    {
        using (runner)
        {
            var outputShape = runner.OutputShapeFor(shape);
            using var input = Device.CreateStorageBuffer(checked((int)shape.ElementCount * sizeof(float)));
            using var output = Device.CreateStorageBuffer(checked((int)outputShape.ElementCount * sizeof(float)));
            using var run = (GpuBoundRun)runner.Bind(input, shape, output);
            return run.BufferBytes;
        }
    }
}
