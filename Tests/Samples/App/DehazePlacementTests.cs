using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Effects.Dehaze;
using NeuralPost.Effects.Upscale;
using NeuralPost.Hosting;
using NeuralPost.Samples.FoggyStreets.App;
using NeuralPost.Tests.Effects;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Samples.App;

/// <summary>
/// Where the sample puts the dehaze pass. Its network here is a width probe that turns every pixel into the width
/// of the tensor it was given (as an 8-bit value): the frame's width plus the edge border on both sides (the probe's
/// card names none, so the default), which shows which resolution the pass ran at; the manifest has no upscaler
/// model, so the upscaler runs its bilinear fallback, which keeps a uniform frame uniform.
/// </summary>
[NonParallelizable]
internal sealed class DehazePlacementTests : OrtTestFixture
{
    private static readonly Size Output = new(96, 54);
    private static readonly Size Render = new(48, 27);
    private const int Border = EdgePadding.DefaultBorder;

    [TestCase(DehazePlacement.Output, 96)]
    [TestCase(DehazePlacement.Render, 48)]
    public void TheDehazePassRunsOnFramesOfItsPlacementsSize(DehazePlacement placement, int expectedWidth)
    {
        using var host = CreateHost(placement);
        var frame = host.RenderStill();

        Assert.Multiple(() =>
        {
            Assert.That(host.App.DehazePlacement, Is.EqualTo(placement));
            Assert.That(host.App.RenderResolution, Is.EqualTo(Render));
            Assert.That(host.App.DehazeResolution, Is.EqualTo(expectedWidth == Output.Width ? Output : Render));
            Assert.That(host.App.Dehaze.ActiveModelId, Is.EqualTo("dehaze"), host.App.Dehaze.Status);
            Assert.That(host.App.Timings.TryGet(PassTimingNames.Dehaze, out var timing) && timing.Reported, Is.True, "dehaze ran");
            foreach (var (x, y) in new[] { (0, 0), (47, 13), (95, 53), (20, 40) })
            {
                var seen = expectedWidth + 2 * Border;
                Assert.That(Pixels.At(frame, x, y), Is.EqualTo((seen, seen, seen)), $"pixel ({x},{y}) shows the width dehaze saw");
            }
        });
    }

    [TestCase(DehazePlacement.Output)]
    [TestCase(DehazePlacement.Render)]
    public void ComponentOrderFollowsThePlacement(DehazePlacement placement)
    {
        using var host = new SampleTestHost(GlTestDevice.CreateOrIgnore(), SampleTestHost.Options(Output) with { DehazePlacement = placement });
        var components = host.App.Camera.GameObject.GetComponents<Component>().ToList();
        var dehaze = components.FindIndex(c => c is Dehaze);
        var upscaler = components.FindIndex(c => c is NeuralUpscaler);
        var lastCaptureBeforeDehaze = components.Take(dehaze).ToList().FindLastIndex(c => c is SplitViewCapture);
        Assert.Multiple(() =>
        {
            Assert.That(dehaze < upscaler, Is.EqualTo(placement == DehazePlacement.Render), "dehaze before the upscaler only for Render");
            Assert.That(lastCaptureBeforeDehaze, Is.EqualTo(dehaze - 1), "the hazy capture sits right before dehaze");
        });
    }

    [TestCase(DehazePlacement.Output)]
    [TestCase(DehazePlacement.Render)]
    public void TheSplitViewsLeftHalfIsTheHazyFrameInEitherPlacement(DehazePlacement placement)
    {
        using var host = CreateHost(placement);
        host.App.DehazeEnabled = false;
        var hazy = host.RenderStill();
        var bilinear = host.BilinearReference();
        host.App.DehazeEnabled = true;
        host.App.SplitView = true;
        var split = host.RenderStill();

        // Render placement: the hazy frame is captured before the upscaler, so the left half is its bilinear upscale.
        var left = placement == DehazePlacement.Render ? bilinear : hazy;
        var width = host.App.DehazeResolution.Width + 2 * Border;
        Assert.That(Pixels.Variance(left), Is.GreaterThan(0), "the hazy frame is not uniform, so it cannot pass for the probe's output");
        Assert.Multiple(() =>
        {
            foreach (var x in new[] { 5, 20, 40 })
            {
                Assert.That(Pixels.MaxDifference(split, left, x, 20), Is.LessThanOrEqualTo(1), $"left half at x={x} is hazy");
            }

            foreach (var x in new[] { 60, 90 })
            {
                Assert.That(Pixels.At(split, x, 20), Is.EqualTo((width, width, width)), $"right half at x={x} is dehazed");
            }
        });
    }

    private SampleTestHost CreateHost(DehazePlacement placement) => SampleTestHost.WithWidthProbeDehaze(Ort, Output, placement, dehaze: true);
}
