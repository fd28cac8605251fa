using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Inference;
using NeuralPost.Inference.GpuCompute;
using static NeuralPost.Tests.Effects.GpuBackend.GpuBackendRig;

namespace NeuralPost.Tests.Effects.GpuBackend;

/// <summary>The passes' <c>GpuStorage</c> setting: validated, handed to the GPU-compute runner, and a change reloads once.</summary>
[NonParallelizable]
internal sealed class GpuStorageSettingTests : OrtTestFixture
{
    private static readonly Size Display = new(64, 36);

    [Test]
    public void StorageReachesTheRunnerAndAChangeReloadsThatPassOnce()
    {
        using var rig = new EffectTestRig(GlPixels.Random(32, 18, seed: 150), Display, Ort, Manifest());
        var opened = new List<FakeGpuRunner>();
        var fakes = WithFakes(rig.Services, opened);
        var requested = new List<(string File, TensorStorage Storage)>();
        var services = fakes with
        {
            OpenGpuRunner = (device, path, options) =>
            {
                requested.Add((Path.GetFileName(path), options.Storage));
                return fakes.OpenGpuRunner(device, path, options);
            },
        };
        var upscaler = AddUpscaler(rig, services, InferenceBackend.GpuCompute);
        var dehaze = AddDehaze(rig, services, InferenceBackend.GpuCompute);
        upscaler.Settings.GpuStorage = TensorStorage.Float16;
        dehaze.Settings.GpuStorage = TensorStorage.Float16;
        rig.Frame();
        rig.Frame();
        var first = requested.ToList();

        upscaler.Settings.GpuStorage = TensorStorage.Float32;
        rig.Frame();
        rig.Frame();

        Assert.Multiple(() =>
        {
            Assert.That(first.Select(r => r.Storage), Is.EqualTo(new[] { TensorStorage.Float16, TensorStorage.Float16 }));
            Assert.That(requested.Skip(2), Is.EqualTo(new[] { (UpscalerId + ".onnx", TensorStorage.Float32) }), "only the changed pass reloads");
            Assert.That(upscaler.ActiveBackend, Is.EqualTo(InferenceBackend.GpuCompute));
            Assert.That(dehaze.ActiveBackend, Is.EqualTo(InferenceBackend.GpuCompute));
        });
    }

    [Test]
    public void DefaultIsFloat16AndUndefinedValuesAreRefused()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new NeuralUpscalerSettings().GpuStorage, Is.EqualTo(TensorStorage.Float16));
            Assert.That(new DehazeSettings().GpuStorage, Is.EqualTo(TensorStorage.Float16));
            Assert.That(GpuComputeOptions.Default.Storage, Is.EqualTo(TensorStorage.Float32), "the runner's own default stays exact");
            Assert.That(() => new NeuralUpscalerSettings().GpuStorage = (TensorStorage)2, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => new DehazeSettings().GpuStorage = (TensorStorage)(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
