using NeuralPost.Graphics;
using NeuralPost.Graphics.OpenGL;
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

    [Test]
    public void ASecondSizeGetsItsOwnPlanWhileTheFirstStaysValid()
    {
        var path = GpuComputeRig.Model("imdn-rtc-x2");
        using var runner = GpuComputeRunner.Open(Device, path);
        var small = NchwShape.Rgb(8, 12);
        var large = NchwShape.Rgb(20, 24);
        var smallInput = ImageTensorOf(small);
        var largeInput = ImageTensorOf(large);
        using var smallIn = GpuComputeRig.Upload(Device, smallInput);
        using var largeIn = GpuComputeRig.Upload(Device, largeInput);
        using var smallOut = Device.CreateStorageBuffer((int)runner.OutputShapeFor(small).ElementCount * sizeof(float));
        using var largeOut = Device.CreateStorageBuffer((int)runner.OutputShapeFor(large).ElementCount * sizeof(float));
        using var smallRun = runner.Bind(smallIn, small, smallOut);
        using var largeRun = runner.Bind(largeIn, large, largeOut);
        largeRun.Record();
        smallRun.Record();

        Assert.Multiple(() =>
        {
            Assert.That(GpuComputeRig.MaxAbsDifference(GpuComputeRig.Download(smallOut, runner.OutputShapeFor(small).ElementCount),
                GpuComputeRig.RunOrt(Ort, path, smallInput, small, out _)), Is.LessThanOrEqualTo(2e-3f));
            Assert.That(GpuComputeRig.MaxAbsDifference(GpuComputeRig.Download(largeOut, runner.OutputShapeFor(large).ElementCount),
                GpuComputeRig.RunOrt(Ort, path, largeInput, large, out _)), Is.LessThanOrEqualTo(2e-3f));
        });
    }

    [Test]
    public void IntermediatesShareBuffersByLiveness()
    {
        var path = GpuComputeRig.Model("imdn-x2");
        using var runner = GpuComputeRunner.Open(Device, path);
        var shape = NchwShape.Rgb(16, 16);
        using var input = Device.CreateStorageBuffer((int)shape.ElementCount * sizeof(float));
        using var output = Device.CreateStorageBuffer((int)runner.OutputShapeFor(shape).ElementCount * sizeof(float));
        using var run = (GpuBoundRun)runner.Bind(input, shape, output);

        // Without reuse every conv result would need its own 64-channel tensor (46 convolutions).
        var oneTensor = 64L * 16 * 16 * sizeof(float);
        TestContext.Out.WriteLine($"imdn-x2 16x16: {run.StepCount} dispatches, {run.BufferBytes} bytes of intermediates ({run.BufferBytes / (double)oneTensor:F1} 64-channel tensors)");
        Assert.That(run.BufferBytes, Is.LessThan(20 * oneTensor));
    }

    private static float[] ImageTensorOf(NchwShape shape) =>
        NeuralPost.Imaging.ImageTensor.ToTensor(GpuComputeRig.Picture((int)shape.W, (int)shape.H));

    [Test]
    public void AKernelTheDriverRejectsFailsBindAndLeaksNothing()
    {
        using var rig = new FaultRig(Device);
        rig.Faults.FailCompilation = true;
        rig.AssertBindFailsAndLeaksNothing("injected");

        rig.Faults.FailCompilation = false;
        using var run = rig.Runner.Bind(rig.Input, rig.Shape, rig.Output); // the same runner binds once the driver cooperates
        run.Record();
    }

    [TestCase(0)]
    [TestCase(3)]
    public void AnAllocationThatFailsFailsBindAndLeaksNothing(int buffersBeforeFailure)
    {
        using var rig = new FaultRig(Device);
        rig.Faults.BuffersBeforeFailure = buffersBeforeFailure;
        rig.AssertBindFailsAndLeaksNothing("out of memory");
    }

    /// <summary>imdn-rtc-x2 opened through a <see cref="FaultyDevice"/>, with 8x8 input and output buffers.</summary>
    private sealed class FaultRig : IDisposable
    {
        private readonly GlDevice _device;

        public FaultRig(GlDevice device)
        {
            _device = device;
            (var faulty, Faults) = FaultyDevice.Wrap(device);
            Input = device.CreateStorageBuffer((int)Shape.ElementCount * sizeof(float));
            Output = device.CreateStorageBuffer((int)Shape.ElementCount * 4 * sizeof(float));
            Runner = GpuComputeRunner.Open(faulty, GpuComputeRig.Model("imdn-rtc-x2"));
        }

        public NchwShape Shape { get; } = NchwShape.Rgb(8, 8);

        public FaultyDevice Faults { get; }

        public IStorageBuffer Input { get; }

        public IStorageBuffer Output { get; }

        public IGpuNetworkRunner Runner { get; }

        /// <summary>Bind fails with a <see cref="GraphicsException"/> saying <paramref name="reason"/>, and frees what it made.</summary>
        public void AssertBindFailsAndLeaksNothing(string reason)
        {
            var before = _device.LiveResourceCount;
            Assert.That(() => Runner.Bind(Input, Shape, Output), Throws.InstanceOf<GraphicsException>().With.Message.Contain(reason));
            Assert.That(_device.LiveResourceCount, Is.EqualTo(before));
        }

        public void Dispose()
        {
            Runner.Dispose();
            Input.Dispose();
            Output.Dispose();
        }
    }
}
