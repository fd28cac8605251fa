using System.Diagnostics;
using System.Globalization;
using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// Long headless runs of the sample's frame with nothing written (overlay on, split view off), reporting resident
/// memory, the managed heap, bytes allocated per frame and collections per generation: what a game would show as
/// a leak or as collector stutter.
/// </summary>
public static class SoakBenchmark
{
    /// <summary>Runs <paramref name="warmup"/> unmeasured then <paramref name="frames"/> measured frames of <paramref name="app"/> at <paramref name="tier"/>.</summary>
    public static SoakResult Run(SampleApp app, IGraphicsDevice device, UpscaleTier tier, bool dehaze, int frames, int warmup)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frames);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        app.Tier = tier;
        app.DehazeEnabled = dehaze;
        app.SplitView = false;
        app.OverlayEnabled = true;
        var time = HeadlessRunner.RenderWithoutWriting(app, device, new FrameTime(HeadlessRunner.TimeStep, 0, 0), warmup);
        var start = MemorySnapshot.Take();
        var started = Stopwatch.GetTimestamp();
        // Read here, not in the snapshots, so their own allocations stay out of the count; precise so allocation
        // contexts not yet retired are counted.
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var inferenceMilliseconds = 0.0;
        var inferenceFrames = 0;
        for (var i = 0; i < frames; i++)
        {
            time = HeadlessRunner.RenderWithoutWriting(app, device, time, 1);
            if (app.Timings.TryGet(PassTimingNames.Inference, out var timing) && timing.Reported)
            {
                inferenceMilliseconds += timing.CpuMilliseconds;
                inferenceFrames++;
            }
        }

        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var end = MemorySnapshot.Take();
        return new SoakResult(tier, dehaze, app.RenderResolution, app.OutputSize, app.Upscaler.Status, frames, seconds,
            inferenceFrames == 0 ? double.NaN : inferenceMilliseconds / inferenceFrames, allocated, start, end);
    }

    /// <summary>Writes a result as a markdown table with a heading line.</summary>
    public static void WriteMarkdown(SoakResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        var (s, e) = (result.Start, result.End);
        output.WriteLine(string.Create(c, $"### {OverlayContent.TierName(result.Tier)}, dehaze {(result.Dehaze ? "on" : "off")}: render {result.Render} -> output {result.Output}"));
        output.WriteLine($"upscaler: {result.UpscalerStatus}");
        output.WriteLine(string.Create(c, $"frames: {result.Frames} in {result.Seconds:F1} s ({result.MillisecondsPerFrame:F1} ms/frame; inference {result.MeanInferenceMilliseconds:F1} ms mean)"));
        output.WriteLine();
        output.WriteLine("| measure | start | end |");
        output.WriteLine("|---|---:|---:|");
        output.WriteLine(string.Create(c, $"| RSS MB | {Megabytes(s.ResidentBytes)} | {Megabytes(e.ResidentBytes)} |"));
        output.WriteLine(string.Create(c, $"| peak RSS MB | {Megabytes(s.PeakResidentBytes)} | {Megabytes(e.PeakResidentBytes)} |"));
        output.WriteLine(string.Create(c, $"| managed (GetTotalMemory) MB | {Megabytes(s.ManagedBytes)} | {Megabytes(e.ManagedBytes)} |"));
        output.WriteLine(string.Create(c, $"| GC heap size MB | {Megabytes(s.HeapSizeBytes)} | {Megabytes(e.HeapSizeBytes)} |"));
        output.WriteLine(string.Create(c, $"| collections gen0 / gen1 / gen2 | {s.Gen0} / {s.Gen1} / {s.Gen2} | {e.Gen0} / {e.Gen1} / {e.Gen2} |"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"allocated: {result.AllocatedBytesPerFrame:F1} B/frame (all threads); collections during the run: gen0 {e.Gen0 - s.Gen0}, gen1 {e.Gen1 - s.Gen1}, gen2 {e.Gen2 - s.Gen2}"));
        output.WriteLine();
    }

    private static string Megabytes(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("F1", CultureInfo.InvariantCulture);
}
