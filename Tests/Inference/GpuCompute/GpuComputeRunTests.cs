using NeuralPost.Inference;
using NeuralPost.Inference.GpuCompute;
using static NeuralPost.Tests.Inference.GpuCompute.OnnxGraphFactory;

namespace NeuralPost.Tests.Inference.GpuCompute;

/// <summary>The runner's contract on a device: steady-state recording allocates nothing, disposal frees every buffer, bad binds fail clearly.</summary>
internal sealed class GpuComputeRunTests : GpuComputeFixture
{
    [Test]
    public void RecordAllocatesNoManagedMemoryInSteadyState()
    {
        using var runner = GpuComputeRunner.Open(Device, GpuComputeRig.Model("imdn-rtc-x2"));
        var shape = NchwShape.Rgb(8, 16);
        using var input = Device.CreateStorageBuffer((int)shape.ElementCount * sizeof(float));
        using var output = Device.CreateStorageBuffer((int)runner.OutputShapeFor(shape).ElementCount * sizeof(float));
        using var run = runner.Bind(input, shape, output);
        for (var i = 0; i < 3; i++)
        {
            run.Record();
        }

        Device.Finish();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 20; i++)
        {
            run.Record();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Device.Finish();
        Assert.That(allocated, Is.Zero);
    }

    [Test]
    public void DisposingTheRunAndTheRunnerReleasesTheirBuffersAndPrograms()
    {
        var baseline = Device.LiveResourceCount;
        var shape = NchwShape.Rgb(16, 16);
        using var input = Device.CreateStorageBuffer((int)shape.ElementCount * sizeof(float));
        using var output = Device.CreateStorageBuffer((int)shape.ElementCount * 4 * sizeof(float));
        var withCallerBuffers = Device.LiveResourceCount;

        var runner = GpuComputeRunner.Open(Device, GpuComputeRig.Model("imdn-rtc-x2"));
        var loaded = Device.LiveResourceCount;
        var run = runner.Bind(input, shape, output);
        var bound = Device.LiveResourceCount;
        run.Dispose();
        var afterRun = Device.LiveResourceCount;
        var second = runner.Bind(input, shape, output);
        runner.Dispose(); // also frees the run still bound
        var afterRunner = Device.LiveResourceCount;
        second.Dispose(); // a second dispose is harmless

        Assert.Multiple(() =>
        {
            Assert.That(loaded, Is.EqualTo(withCallerBuffers + 1), "the runner holds one weights buffer until it binds");
            Assert.That(bound, Is.GreaterThan(loaded), "a bound plan holds intermediates and compiled kernels");
            Assert.That(afterRunner, Is.EqualTo(withCallerBuffers));
            Assert.That(afterRun, Is.LessThan(bound));
            Assert.That(Device.LiveResourceCount, Is.EqualTo(withCallerBuffers));
            Assert.That(withCallerBuffers, Is.EqualTo(baseline + 2));
        });
    }

    [Test]
    public void BindRejectsTooSmallBuffersAndWrongChannelCounts()
    {
        using var runner = GpuComputeRunner.Open(Device, GpuComputeRig.Model("imdn-rtc-x2"));
        var shape = NchwShape.Rgb(8, 8);
        using var input = Device.CreateStorageBuffer((int)shape.ElementCount * sizeof(float));
        using var small = Device.CreateStorageBuffer(16);
        Assert.Multiple(() =>
        {
            Assert.That(() => runner.Bind(input, shape, small), Throws.ArgumentException.With.Message.Contain("output"));
            Assert.That(() => runner.Bind(input, new NchwShape(1, 4, 8, 8), input), Throws.TypeOf<ModelContractException>());
            Assert.That(runner.OutputShapeFor(shape), Is.EqualTo(NchwShape.Rgb(16, 16)));
        });
    }

    [Test]
    public void AnUnsupportedAttributeIsALoadErrorNamingTheNode()
    {
        using var model = Write(Model(
            [Node("Conv", "grouped_conv", ["x", "w"], ["y"], Ints("kernel_shape", 1, 1), Int("group", 3))],
            [Floats("w", [3, 1, 1, 1], [1f, 1f, 1f])]));
        var error = Assert.Throws<ModelLoadException>(() => GpuComputeRunner.Open(Device, model.Path))!;
        Assert.That(error.Message, Does.Contain("grouped_conv").And.Contain("grouped convolution"));
    }
}
