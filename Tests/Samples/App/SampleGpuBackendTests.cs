using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.Hosting;
using NeuralPost.Samples.FoggyStreets.App;
using NeuralPost.Samples.FoggyStreets.Scene;
using NeuralPost.Tests.Effects.GpuBackend;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Samples.App;

/// <summary>
/// The sample as <c>sample --backend gpu --headless --frames 30</c> runs it, with shader-based fakes standing in for
/// the GPU-compute runner: its timings show 0 host&lt;-&gt;device bytes for the post-process chain after the first frame.
/// </summary>
[NonParallelizable]
internal sealed class SampleGpuBackendTests : OrtTestFixture
{
    [Test]
    public void ThirtyHeadlessFramesMoveNoChainBytesAfterTheFirst()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var scene = new FoggyStreetsScene(device);
        var opened = new List<FakeGpuRunner>();
        var log = new List<string>();
        using var app = CreateApp(device, scene, overlay: true, opened, log);

        var dir = TestPaths.NewTempDirectory();
        var result = HeadlessRunner.Run(app, device, 30, dir);

        var lines = File.ReadAllLines(result.TimingsPath);
        var header = lines[0].Split(',');
        var chain = Array.IndexOf(header, "chain_bytes");
        var frame = Array.IndexOf(header, "frame_bytes");
        var chainBytes = lines.Skip(1).Select(line => long.Parse(line.Split(',')[chain], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var frameBytes = lines.Skip(1).Select(line => long.Parse(line.Split(',')[frame], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        TestContext.Out.WriteLine($"chain bytes per frame: {string.Join(' ', chainBytes)}; frame bytes: {string.Join(' ', frameBytes)}");
        Assert.Multiple(() =>
        {
            Assert.That(app.Upscaler.ActiveBackend, Is.EqualTo(InferenceBackend.GpuCompute), app.Upscaler.Status);
            Assert.That(app.Dehaze.ActiveBackend, Is.EqualTo(InferenceBackend.GpuCompute), app.Dehaze.Status);
            Assert.That(opened.Select(r => r.BindCount), Is.EqualTo(new[] { 1, 1 }), "both plans prepared before the first frame, never rebuilt");
            Assert.That(chainBytes, Has.Length.EqualTo(30));
            Assert.That(chainBytes.Skip(1), Is.All.Zero);
            Assert.That(chainBytes[0], Is.EqualTo(2 * OutputCheck.ResultBytes), "the first frame's output checks, one per pass");
            Assert.That(frameBytes.Skip(1), Is.All.GreaterThanOrEqualTo(96L * 54 * 4), "the host's own PNG readback and overlay text");
            Assert.That(log, Is.Empty);
        });
    }

    [Test]
    public void ATierChangeCompilesTheNewPlansBeforeItsFirstFrame()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        using var scene = new FoggyStreetsScene(device);
        var opened = new List<FakeGpuRunner>();
        using var app = CreateApp(device, scene, overlay: false, opened, []);
        var time = HeadlessRunner.RenderWithoutWriting(app, device, new FrameTime(HeadlessRunner.TimeStep, 0, 0), 3);

        // Quality: another network (imdn-x2) at 64x36, and dehaze (at render resolution) rebuilt for that size, here.
        app.Tier = UpscaleTier.Quality;
        var boundBeforeTheFrame = opened.Select(r => r.BindCount).ToArray();
        HeadlessRunner.RenderWithoutWriting(app, device, time, 1);
        var firstFrame = app.Timings.ChainTransfers.TotalBytes;
        HeadlessRunner.RenderWithoutWriting(app, device, time.Next(HeadlessRunner.TimeStep), 1);

        Assert.Multiple(() =>
        {
            Assert.That(boundBeforeTheFrame, Is.EqualTo(new[] { 1, 2, 1 }), "the old upscaler, dehaze, the new upscaler");
            Assert.That(opened[0].IsDisposed, Is.True, "the Performance network is released");
            Assert.That(opened.Select(r => r.BindCount), Is.EqualTo(new[] { 1, 2, 1 }), "the frames rebuilt nothing");
            Assert.That(firstFrame, Is.EqualTo(2 * OutputCheck.ResultBytes), "only the new plans' first output checks");
            Assert.That(app.Timings.ChainTransfers.TotalBytes, Is.Zero);
        });
    }

    /// <summary>
    /// The sample at 96x54, Performance, dehaze on, on GPU compute whose runners are shader-based fakes (collected in
    /// <paramref name="opened"/>), its log lines in <paramref name="log"/>.
    /// </summary>
    private SampleApp CreateApp(GlDevice device, FoggyStreetsScene scene, bool overlay, List<FakeGpuRunner> opened, List<string> log)
    {
        var options = new SampleOptions
        {
            OutputSize = new Size(96, 54), Tier = UpscaleTier.Performance, Dehaze = true, Overlay = overlay, Backend = InferenceBackend.GpuCompute,
        };
        var services = GpuBackendRig.WithFakes(new EffectServices(device, Ort, Effects.TestManifests.Repository(), log.Add), opened);
        return new SampleApp(device, scene, scene.PlaceCamera, options, services, ownedScene: null);
    }
}
