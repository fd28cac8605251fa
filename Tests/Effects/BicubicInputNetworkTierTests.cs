using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Effects.Upscale;

namespace NeuralPost.Tests.Effects;

/// <summary>
/// The networks that upsample inside their graph (DRCN, DRRN, RED-Net: one cubic ONNX Resize, then the network at
/// the output resolution) are ordinary LR-in, HR-out networks to the runtime: a tier takes one as its network through
/// <see cref="NeuralUpscalerSettings.ModelId"/> and ONNX Runtime runs it on a frame, giving what the offline path
/// gives. The GPU-compute runner has no cubic Resize: asked for it, the pass steps down to ONNX Runtime and says why.
/// </summary>
[NonParallelizable]
internal sealed class BicubicInputNetworkTierTests : OrtTestFixture
{
    private static readonly string[] BicubicInputModels = ["rednet10-f32-x2", "drrn-b1u9-f32-x2", "drcn-f32r8-x2"];

    [TestCaseSource(nameof(BicubicInputModels))]
    public void ATierRunsItThroughOnnxRuntimeOnAFrame(string id)
    {
        var picture = GlPixels.Random(24, 14, seed: 21);
        var manifest = TestManifests.Repository();
        using var rig = new EffectTestRig(picture, new Size(48, 28), Ort, manifest);
        var upscaler = rig.CameraObject.AddComponent<NeuralUpscaler>();
        upscaler.Settings.Tier = UpscaleTier.Performance;
        upscaler.Settings.ModelId = id;
        upscaler.Settings.Backend = InferenceBackend.OnnxRuntime;
        upscaler.Settings.FallbackPolicy = FallbackPolicy.CpuThenBilinear;
        upscaler.Bind(rig.Services);

        rig.Frame();

        var card = manifest.Get(id);
        using var network = ImageNetwork.Load(Ort, manifest.ResolveVerifiedFile(card), expectedScale: 2);
        var offline = new TiledUpscaler(network, EdgePadding.For(card)).Upscale(picture, tileSize: 0, overlap: 0);
        Assert.Multiple(() =>
        {
            Assert.That(upscaler.Settings.ResolveModelId(), Is.EqualTo(id));
            Assert.That(upscaler.ActiveModelId, Is.EqualTo(id), upscaler.Status);
            Assert.That(upscaler.ActiveBackend, Is.EqualTo(InferenceBackend.OnnxRuntime), upscaler.Status);
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), offline), Is.LessThanOrEqualTo(2), "the frame path equals the offline one");
        });
    }

    // DRCN's learned average of its recursions normalises its weights with a ReduceSum, which the importer meets first.
    [TestCase("rednet10-f32-x2", "Resize mode cubic")]
    [TestCase("drrn-b1u9-f32-x2", "Resize mode cubic")]
    [TestCase("drcn-f32r8-x2", "operator ReduceSum")]
    public void AskedForGpuComputeItStepsDownToOnnxRuntimeNamingWhatItLacks(string id, string lacking)
    {
        using var rig = new EffectTestRig(GlPixels.Random(16, 10, seed: 22), new Size(32, 20), Ort, TestManifests.Repository());
        var upscaler = rig.CameraObject.AddComponent<NeuralUpscaler>();
        upscaler.Settings.Tier = UpscaleTier.Performance;
        upscaler.Settings.ModelId = id;
        upscaler.Settings.Backend = InferenceBackend.GpuCompute;
        upscaler.Bind(rig.Services);

        rig.Frame();

        Assert.Multiple(() =>
        {
            Assert.That(upscaler.ActiveModelId, Is.EqualTo(id), upscaler.Status);
            Assert.That(upscaler.ActiveBackend, Is.EqualTo(InferenceBackend.OnnxRuntime), upscaler.Status);
            Assert.That(rig.Log, Has.Some.Contain($"GPU compute cannot run {id}").And.Contain(lacking).And.Contain("using ONNX Runtime"));
        });
    }
}
