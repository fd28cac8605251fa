using NeuralPost.Core;
using NeuralPost.Hosting;
using NeuralPost.Samples.FoggyStreets.App;
using NeuralPost.Tests.Effects;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Samples.App;

/// <summary>
/// The sample's frame, as a run that writes no file renders it (overlay on, every tier, dehaze and split view off and on), allocates
/// no managed memory once warm: ONNX Runtime inference through IO binding, the GL passes and the overlay included.
/// The repository's real networks run, at a small output so the test stays quick.
/// </summary>
[NonParallelizable]
internal sealed class FrameAllocationTests : OrtTestFixture
{
    private const int WarmupFrames = 4;
    private const int MeasuredFrames = 6;
    private static readonly Size Output = new(96, 54);

    [Test]
    public void SteadyStateFramesAllocateNothingOnTheRenderThread(
        [Values] UpscaleTier tier, [Values(false, true)] bool dehaze, [Values(false, true)] bool split)
    {
        var options = new SampleOptions { OutputSize = Output, Tier = tier, Dehaze = dehaze, Split = split, Overlay = true };
        using var device = GlTestDevice.CreateOrIgnore();
        using var app = SampleApp.Create(device, options, Ort, TestManifests.Repository(), message => TestContext.Out.WriteLine(message));
        var time = new FrameTime(HeadlessRunner.TimeStep, 0, 0);
        time = HeadlessRunner.RenderWithoutWriting(app, device, time, WarmupFrames);
        var before = GC.GetAllocatedBytesForCurrentThread();
        HeadlessRunner.RenderWithoutWriting(app, device, time, MeasuredFrames);

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        TestContext.Out.WriteLine($"{tier} dehaze {dehaze} split {split}: {allocated} B over {MeasuredFrames} frames; upscaler: {app.Upscaler.Status}; dehaze: {app.Dehaze.Status}");
        Assert.That(app.Upscaler.ActiveModelId, tier == UpscaleTier.Native ? Is.Null : Is.Not.Null, "the network ran");
        Assert.That(app.Timings.TryGet(SampleApp.OverlayPassName, out var overlay) && overlay.Reported, "the overlay was drawn");
        Assert.That(allocated, Is.Zero);
    }
}
