using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Imaging;
using static NeuralPost.Tests.Effects.GpuBackend.GpuBackendRig;

namespace NeuralPost.Tests.Effects.GpuBackend;

/// <summary>
/// The passes' GPU-compute path with a shader-based fake runner: frames never leave the GPU (0 host&lt;-&gt;device
/// bytes for the chain in steady state, 0 managed bytes), the ONNX Runtime path's real per-frame bytes, and the
/// fallback chain GPU compute -> ONNX Runtime -> bilinear / pass-through, each step said once, the frame produced.
/// </summary>
[NonParallelizable]
internal sealed class GpuBackendTests : OrtTestFixture
{
    private static readonly Size Display = new(64, 36);

    /// <summary>Frames after which the first output check has come back and steady state begins.</summary>
    private const int WarmUpFrames = OutputCheck.InitialFrames + 3;

    [Test]
    public void GpuComputeUpscalerAndDehazeMoveNoBytesAndAllocateNothingInSteadyState()
    {
        var picture = GlPixels.Random(32, 18, seed: 140);
        using var rig = new EffectTestRig(picture, Display, Ort, Manifest());
        var opened = new List<FakeGpuRunner>();
        var services = WithFakes(rig.Services, opened);
        var upscaler = AddUpscaler(rig, services, InferenceBackend.GpuCompute);
        var dehaze = AddDehaze(rig, services, InferenceBackend.GpuCompute);

        for (var i = 0; i < WarmUpFrames; i++)
        {
            rig.Frame();
        }

        var chainBytes = new long[5];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < chainBytes.Length; i++)
        {
            rig.Frame();
            chainBytes[i] = rig.World.Timings.ChainTransfers.TotalBytes;
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(chainBytes, Is.All.Zero, "host<->device bytes of the chain per steady-state frame");
            Assert.That(allocated, Is.Zero, "managed bytes allocated by 5 steady-state frames");
            Assert.That(upscaler.ActiveBackend, Is.EqualTo(InferenceBackend.GpuCompute));
            Assert.That(dehaze.ActiveBackend, Is.EqualTo(InferenceBackend.GpuCompute));
            Assert.That(upscaler.Status, Is.EqualTo($"{UpscalerId} on fake GPU compute"));
            Assert.That(dehaze.Status, Is.EqualTo("dehaze on fake GPU compute"));
            Assert.That(opened.Select(r => r.BindCount), Is.EqualTo(new[] { 1, 1 }), "one plan per pass, bound once");
            Assert.That(rig.Log, Is.Empty);
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), UpscaledThenDehazed(picture, 0.5f)), Is.LessThanOrEqualTo(1));
            Assert.That(rig.World.Timings.TryGet(PassTimingNames.Readback, out var readback) && readback.Reported, Is.False,
                "no readback stage on the GPU path");
        });
    }

    [Test]
    public void OnnxRuntimeChainMovesItsInputAndOutputTensorsEveryFrame()
    {
        var picture = GlPixels.Random(32, 18, seed: 141);
        using var rig = new EffectTestRig(picture, Display, Ort, Manifest());
        AddUpscaler(rig, rig.Services, InferenceBackend.OnnxRuntime);
        AddDehaze(rig, rig.Services, InferenceBackend.OnnxRuntime);

        rig.Frame();
        var first = rig.World.Timings.ChainTransfers;
        rig.Frame();
        var steady = rig.World.Timings.ChainTransfers;

        // Each tensor carries the edge border (the cards name none: the default) on every side. Upscaler: the
        // bordered 32x18 input read back, its x2 output uploaded; dehaze after it: the bordered 64x36 both ways.
        const int b = EdgePadding.DefaultBorder;
        var upscalerIn = TensorBytes(32 + 2 * b, 18 + 2 * b);
        var upscalerOut = TensorBytes(2 * (32 + 2 * b), 2 * (18 + 2 * b));
        var dehazeTensor = TensorBytes(64 + 2 * b, 36 + 2 * b);
        Assert.Multiple(() =>
        {
            Assert.That(steady.TotalBytes, Is.EqualTo(upscalerIn + upscalerOut + 2 * dehazeTensor).And.EqualTo(19584 + 78336 + 2 * 49920));
            Assert.That(steady.ReadBackBytes, Is.EqualTo(upscalerIn + dehazeTensor));
            Assert.That(steady.UploadedBytes, Is.EqualTo(upscalerOut + dehazeTensor));
            Assert.That(steady.MappedBytes, Is.Zero, "the readback buffers are mapped once, when created");
            Assert.That(first.MappedBytes, Is.EqualTo(upscalerIn + dehazeTensor), "first frame: the readback buffers' maps");
            Assert.That(rig.World.Timings.FrameTransfers.TotalBytes, Is.GreaterThanOrEqualTo(steady.TotalBytes));
        });
    }

    [Test]
    public void TheGpuComputeRunnerRunsTheUpscalerAndTheChainMovesNothing()
    {
        var picture = GlPixels.Random(32, 18, seed: 142);
        using var rig = new EffectTestRig(picture, Display, Ort, Manifest());
        var upscaler = AddUpscaler(rig, rig.Services, InferenceBackend.GpuCompute); // the real entry point

        for (var i = 0; i < 3; i++)
        {
            rig.Frame();
        }

        Assert.Multiple(() =>
        {
            Assert.That(upscaler.ActiveBackend, Is.EqualTo(InferenceBackend.GpuCompute), upscaler.Status);
            Assert.That(rig.Log, Is.Empty);
            Assert.That(rig.World.Timings.ChainTransfers.TotalBytes, Is.Zero);
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), GlPixels.NearestUpscale(picture, 2)), Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void AModelTheImporterCannotTakeFallsBackToOnnxRuntimeSaidOnce()
    {
        // Erf runs on ONNX Runtime but has no GPU-compute kernel: the import fails, the pass steps down once.
        var erf = Inference.GpuCompute.OnnxGraphFactory.Model([Inference.GpuCompute.OnnxGraphFactory.Node("Erf", "mystery_node", ["x"], ["y"])], []);
        var picture = GlPixels.Random(32, 18, seed: 144);
        using var rig = new EffectTestRig(picture, new Size(32, 18), Ort, TestManifests.WithModel("dehaze", "dehaze", 1, erf));
        var dehaze = AddDehaze(rig, rig.Services, InferenceBackend.GpuCompute);

        for (var i = 0; i < 3; i++)
        {
            rig.Frame();
        }

        Assert.Multiple(() =>
        {
            Assert.That(dehaze.ActiveBackend, Is.EqualTo(InferenceBackend.OnnxRuntime), dehaze.Status);
            // The one other line may be ONNX Runtime's own CUDA step-down, said once per binding.
            Assert.That(rig.Log.Count(l => l.Contains("GPU compute", StringComparison.Ordinal)), Is.EqualTo(1), string.Join("\n", rig.Log));
            Assert.That(rig.Log[0], Does.StartWith("Dehaze: GPU compute cannot run dehaze: ModelLoadException: ")
                .And.Contain("Erf").And.Contain("mystery_node").And.EndWith("; using ONNX Runtime"));
        });
    }

    [TestCase(FakeGpuOutput.NaN, "NaN or infinity")]
    [TestCase(FakeGpuOutput.Black, "an all-black output from a non-black input")]
    public void AFailedOutputCheckStepsDownToOnnxRuntimeOnceWithoutLosingAFrame(FakeGpuOutput output, string reason)
    {
        var picture = GlPixels.Random(32, 18, seed: 143);
        using var rig = new EffectTestRig(picture, Display, Ort, Manifest());
        var opened = new List<FakeGpuRunner>();
        var upscaler = AddUpscaler(rig, WithFakes(rig.Services, opened, upscalerOutput: output), InferenceBackend.GpuCompute);

        for (var i = 0; i < 12 && upscaler.ActiveBackend != InferenceBackend.OnnxRuntime; i++)
        {
            rig.Frame();
        }

        rig.Frame();
        rig.Frame();
        Assert.Multiple(() =>
        {
            Assert.That(upscaler.ActiveBackend, Is.EqualTo(InferenceBackend.OnnxRuntime));
            Assert.That(rig.Log, Has.Count.EqualTo(1));
            Assert.That(rig.Log[0], Does.StartWith($"NeuralUpscaler: GPU compute failed on {UpscalerId}: the output check found ")
                .And.Contain(reason).And.EndWith("; using ONNX Runtime"));
            Assert.That(upscaler.Status, Does.StartWith($"{UpscalerId} on CPU EP (GPU compute failed: "));
            Assert.That(opened[0].IsDisposed, Is.True, "the GPU network is released");
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), GlPixels.NearestUpscale(picture, 2)), Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void ABlackOutputFromABlackInputIsNotAFailure()
    {
        var black = new Rgb8Image(32, 18);
        using var rig = new EffectTestRig(black, Display, Ort, Manifest());
        var opened = new List<FakeGpuRunner>();
        var upscaler = AddUpscaler(rig, WithFakes(rig.Services, opened, upscalerOutput: FakeGpuOutput.Black), InferenceBackend.GpuCompute);

        for (var i = 0; i < WarmUpFrames + 2; i++)
        {
            rig.Frame();
        }

        Assert.Multiple(() =>
        {
            Assert.That(upscaler.ActiveBackend, Is.EqualTo(InferenceBackend.GpuCompute));
            Assert.That(rig.Log, Is.Empty);
        });
    }

    [TestCase(FakeGpuOutput.BindThrows, "GraphicsException: fake: the plan's kernel failed to compile")]
    [TestCase(FakeGpuOutput.RecordThrows, "InferenceException: fake: the device rejected a dispatch")]
    public void AGpuRunThatThrowsStepsDownToOnnxRuntimeAndTheFrameIsStillProduced(FakeGpuOutput output, string error)
    {
        var picture = GlPixels.Random(32, 18, seed: 144);
        using var rig = new EffectTestRig(picture, Display, Ort, Manifest());
        var upscaler = AddUpscaler(rig, WithFakes(rig.Services, [], upscalerOutput: output), InferenceBackend.GpuCompute);

        rig.Frame();
        var firstFrame = rig.ReadDisplay();
        rig.Frame();
        rig.Frame();

        Assert.Multiple(() =>
        {
            Assert.That(GlPixels.MaxDifference(firstFrame, rig.BilinearReference()), Is.LessThanOrEqualTo(1),
                "the failing frame is produced, bilinearly");
            Assert.That(upscaler.ActiveBackend, Is.EqualTo(InferenceBackend.OnnxRuntime));
            Assert.That(rig.Log, Has.Count.EqualTo(1));
            Assert.That(rig.Log[0], Does.StartWith($"NeuralUpscaler: GPU compute failed on {UpscalerId}: ").And.Contain(error));
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), GlPixels.NearestUpscale(picture, 2)), Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void WithoutOnnxRuntimeAFailedGpuRunEndsInTheNonNeuralPathsSaidOnceEach()
    {
        var picture = GlPixels.Random(32, 18, seed: 145);
        using var rig = new EffectTestRig(picture, Display, ort: null, Manifest());
        var services = WithFakes(rig.Services, [], upscalerOutput: FakeGpuOutput.RecordThrows, dehazeOutput: FakeGpuOutput.RecordThrows);
        var upscaler = AddUpscaler(rig, services, InferenceBackend.GpuCompute);
        var dehaze = AddDehaze(rig, services, InferenceBackend.GpuCompute);

        for (var i = 0; i < 3; i++)
        {
            rig.Frame();
        }

        Assert.Multiple(() =>
        {
            Assert.That(upscaler.ActiveBackend, Is.Null);
            Assert.That(dehaze.ActiveBackend, Is.Null);
            Assert.That(upscaler.Status, Is.EqualTo($"bilinear: no ONNX Runtime environment was bound, so {UpscalerId} cannot run"));
            Assert.That(dehaze.Status, Is.EqualTo("pass-through: no ONNX Runtime environment was bound, so dehaze cannot run"));
            Assert.That(rig.Log, Has.Count.EqualTo(4), string.Join("\n", rig.Log));
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), rig.BilinearReference()), Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void PrepareBindsThePlanAheadAndASizeChangeRebuildsItOnce()
    {
        var picture = GlPixels.Random(32, 18, seed: 146);
        using var rig = new EffectTestRig(picture, Display, Ort, Manifest());
        var opened = new List<FakeGpuRunner>();
        var upscaler = AddUpscaler(rig, WithFakes(rig.Services, opened), InferenceBackend.GpuCompute);

        upscaler.Prepare(new Size(32, 18));
        var boundBeforeTheFirstFrame = opened.Single().BindCount;
        var bytes = new long[3];
        for (var i = 0; i < bytes.Length; i++)
        {
            rig.Frame();
            bytes[i] = rig.World.Timings.ChainTransfers.TotalBytes;
        }

        var boundAfterFrames = opened.Single().BindCount;
        upscaler.Prepare(new Size(16, 9));
        rig.Frame(); // back at 32x18: one rebuild
        rig.Frame();

        Assert.Multiple(() =>
        {
            Assert.That(boundBeforeTheFirstFrame, Is.EqualTo(1));
            Assert.That(boundAfterFrames, Is.EqualTo(1), "frames reuse the prepared plan");
            Assert.That(bytes[0], Is.EqualTo(OutputCheck.ResultBytes),
                "the first frame after Prepare moves only the output check's flags: buffers and maps were made ahead");
            Assert.That(bytes.Skip(1), Is.All.Zero);
            Assert.That(opened.Single().BindCount, Is.EqualTo(3), "16x9 prepared, then 32x18 rebuilt once");
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), GlPixels.NearestUpscale(picture, 2)), Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void ADehazeWhoseOutputCheckFailsStepsDownToOnnxRuntimeAndKeepsBlending()
    {
        var picture = GlPixels.Random(64, 36, seed: 147);
        using var rig = new EffectTestRig(picture, Display, Ort, Manifest());
        var dehaze = AddDehaze(rig, WithFakes(rig.Services, [], dehazeOutput: FakeGpuOutput.NaN), InferenceBackend.GpuCompute);

        for (var i = 0; i < 12 && dehaze.ActiveBackend != InferenceBackend.OnnxRuntime; i++)
        {
            rig.Frame();
        }

        rig.Frame();
        var expected = new Rgb8Image(picture.Width, picture.Height);
        for (var i = 0; i < expected.Data.Length; i++)
        {
            expected.Data[i] = (byte)Math.Round(picture.Data[i] * 0.75, MidpointRounding.AwayFromZero);
        }

        Assert.Multiple(() =>
        {
            Assert.That(dehaze.ActiveBackend, Is.EqualTo(InferenceBackend.OnnxRuntime));
            Assert.That(rig.Log[0], Is.EqualTo(
                "Dehaze: GPU compute failed on dehaze: the output check found NaN or infinity in the network's output; using ONNX Runtime"));
            Assert.That(rig.Log.Skip(1), Has.All.StartWith("Dehaze: no GPU inference: "), "then ONNX Runtime's own provider step, if any");
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), expected), Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void AutoOnASoftwareRendererRunsTheBenchmarksChoiceWithoutTryingTheGpu()
    {
        var picture = GlPixels.Random(32, 18, seed: 148);
        using var rig = new EffectTestRig(picture, Display, Ort, Manifest());
        Assume.That(BackendSelection.IsSoftwareRenderer(rig.Device.Description), Is.True, "this machine has a hardware GPU");
        var opened = new List<FakeGpuRunner>();
        var upscaler = AddUpscaler(rig, WithFakes(rig.Services, opened), InferenceBackend.Auto);

        rig.Frame();

        Assert.Multiple(() =>
        {
            Assert.That(upscaler.ActiveBackend, Is.EqualTo(BackendSelection.SoftwareRendererChoice));
            Assert.That(opened, BackendSelection.SoftwareRendererChoice == InferenceBackend.GpuCompute ? Has.Count.EqualTo(1) : Is.Empty);
            Assert.That(rig.Log, Is.Empty);
        });
    }

    [Test]
    public void AutoPicksTheSoftwareRendererChoiceHereAndGpuComputeOnAHardwareGpu()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BackendSelection.Resolve(InferenceBackend.Auto, "Mesa llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5"),
                Is.EqualTo(BackendSelection.SoftwareRendererChoice));
            Assert.That(BackendSelection.Resolve(InferenceBackend.Auto, "NVIDIA Corporation NVIDIA H200/PCIe/SSE2, OpenGL 4.6.0"),
                Is.EqualTo(InferenceBackend.GpuCompute));
            Assert.That(BackendSelection.Resolve(InferenceBackend.GpuCompute, "llvmpipe"), Is.EqualTo(InferenceBackend.GpuCompute));
            Assert.That(BackendSelection.Resolve(InferenceBackend.OnnxRuntime, "NVIDIA"), Is.EqualTo(InferenceBackend.OnnxRuntime));
            Assert.That(() => new NeuralUpscalerSettings().Backend = (InferenceBackend)7, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new DehazeSettings().Backend = (InferenceBackend)(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(new NeuralUpscalerSettings().Backend, Is.EqualTo(InferenceBackend.Auto));
        });
    }
}
