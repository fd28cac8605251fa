using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Effects.Dehaze;
using NeuralPost.Imaging;
using NeuralPost.Tests.Inference;

namespace NeuralPost.Tests.Effects;

/// <summary>
/// The dehaze pass on the headless GL device. No trained dehaze network exists yet, so the model path is checked
/// with a same-size stand-in, <c>y = 0.5 x</c>, whose blend with the input is predictable.
/// </summary>
[NonParallelizable]
internal sealed class DehazeTests : OrtTestFixture
{
    [Test]
    public void WithoutAModelFramesPassThroughUnchangedAndItIsSaidOnce()
    {
        var picture = GlPixels.Random(30, 20, seed: 20);
        using var rig = new EffectTestRig(picture, new Size(30, 20), Ort, TestManifests.Empty());
        var dehaze = AddDehaze(rig, enabled: true, strength: 1f);

        for (var i = 0; i < 5; i++)
        {
            rig.Frame();
        }

        Assert.Multiple(() =>
        {
            Assert.That(rig.ReadDisplay().Data, Is.EqualTo(picture.Data));
            Assert.That(rig.Log, Has.Count.EqualTo(1));
            Assert.That(rig.Log[0], Does.Contain("no dehaze model 'dehaze' installed"));
            Assert.That(dehaze.Status, Is.EqualTo("pass-through: no dehaze model 'dehaze' installed"));
            Assert.That(dehaze.ActiveModelId, Is.Null);
        });
    }

    [Test]
    public void DisabledLeavesFramesUntouchedAndDoesNoWork()
    {
        var picture = GlPixels.Random(30, 20, seed: 21);
        using var rig = new EffectTestRig(picture, new Size(30, 20), Ort, TestManifests.Repository());
        var dehaze = AddDehaze(rig, enabled: false, strength: 1f);

        rig.Frame();
        rig.Frame();

        Assert.Multiple(() =>
        {
            Assert.That(rig.ReadDisplay().Data, Is.EqualTo(picture.Data));
            Assert.That(rig.Log, Is.Empty);
            Assert.That(dehaze.Status, Is.EqualTo("disabled"));
            Assert.That(dehaze.IsActive(), Is.False, "the pipeline skips it");
            Assert.That(rig.World.Timings.TryGet(PassTimingNames.Dehaze, out _), Is.False, "nothing ran, nothing was timed");
        });
    }

    [Test]
    public void AModelsOutputIsPaddedToItsMultipleCroppedBackAndBlendedByStrength()
    {
        var manifest = TestManifests.WithModel(
            "dehaze", "dehaze", 1, TinyOnnxModel.Scale(0.5f, TinyOnnxModel.Float, 1L, 3L, "height", "width"),
            $$""", "{{Dehaze.SizeMultipleField}}": 8""");
        var picture = GlPixels.Random(30, 20, seed: 22); // neither side a multiple of 8
        using var rig = new EffectTestRig(picture, new Size(30, 20), Ort, manifest);
        var dehaze = AddDehaze(rig, enabled: true, strength: 0.5f);

        rig.Frame();
        rig.Frame();
        var before = GC.GetAllocatedBytesForCurrentThread();
        rig.Frame();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // mix(x, 0.5 x, 0.5) = 0.75 x
        var expected = new Rgb8Image(picture.Width, picture.Height);
        for (var i = 0; i < expected.Data.Length; i++)
        {
            expected.Data[i] = (byte)Math.Round(picture.Data[i] * 0.75, MidpointRounding.AwayFromZero);
        }

        Assert.Multiple(() =>
        {
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), expected), Is.LessThanOrEqualTo(1));
            Assert.That(dehaze.Status, Is.EqualTo("dehaze on CPU EP").Or.EqualTo("dehaze on CUDA EP"));
            Assert.That(dehaze.ActiveModelId, Is.EqualTo("dehaze"));
            // The pass tries the GPU provider first, as the upscaler does, and says once why it stepped down to the CPU.
            var expectedLog = dehaze.Status.EndsWith("CUDA EP", StringComparison.Ordinal) ? 0 : 1;
            Assert.That(rig.Log, Has.Count.EqualTo(expectedLog));
            Assert.That(rig.Log, Has.Exactly(expectedLog).StartsWith("Dehaze: no GPU inference: CUDAExecutionProvider unavailable (")
                .And.EndsWith("); using the CPU execution provider"));
            Assert.That(rig.World.Timings.TryGet(PassTimingNames.Dehaze, out var timing) && timing.Reported, Is.True);
            Assert.That(allocated, Is.Zero, "managed bytes allocated by a steady-state frame");
        });
    }

    private static Dehaze AddDehaze(EffectTestRig rig, bool enabled, float strength)
    {
        var dehaze = rig.CameraObject.AddComponent<Dehaze>();
        dehaze.Settings.Enabled = enabled;
        dehaze.Settings.Strength = strength;
        dehaze.Bind(rig.Services);
        return dehaze;
    }
}
