using NeuralPost.Core;
using NeuralPost.Effects.Upscale;
using NeuralPost.Tests.Effects.Upscale;

namespace NeuralPost.Tests.Effects;

/// <summary>
/// Image borders on the frame path (image->tensor and tensor->image kernels around the network): a flat frame at
/// a tiny render size comes back flat, as the offline path does (<see cref="EdgePaddingTests"/>).
/// </summary>
[NonParallelizable]
internal sealed class EdgePaddingFrameTests : OrtTestFixture
{
    [TestCase("imdn-rtc-x2", 1, 1)]
    [TestCase("imdn-rtc-x2", 7, 5)]
    [TestCase("imdn-x2", 2, 3)]
    [TestCase("lapsrn-x2", 7, 5)]
    [TestCase("rednet10-f32-x2", 7, 5)]
    [TestCase("drrn-b1u9-f32-x2", 7, 5)]
    [TestCase("drcn-f32r8-x2", 7, 5)]
    public void AFlatFrameComesBackFlat(string id, int width, int height)
    {
        var colour = ((byte)200, (byte)30, (byte)90);
        using var rig = new EffectTestRig(EdgePaddingTests.Flat(width, height, colour), new Size(2 * width, 2 * height), Ort,
            TestManifests.Repository());
        var upscaler = rig.CameraObject.AddComponent<NeuralUpscaler>();
        upscaler.Settings.Tier = UpscaleTier.Performance;
        upscaler.Settings.ModelId = id;
        upscaler.Settings.FallbackPolicy = FallbackPolicy.CpuThenBilinear;
        upscaler.Bind(rig.Services);

        rig.Frame();

        Assert.Multiple(() =>
        {
            Assert.That(upscaler.ActiveModelId, Is.EqualTo(id), upscaler.Status);
            Assert.That(EdgePaddingTests.MaxDeviation(rig.ReadDisplay(), colour), Is.LessThanOrEqualTo(2));
        });
    }
}
