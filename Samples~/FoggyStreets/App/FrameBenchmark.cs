using System.Diagnostics;
using System.Globalization;
using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// Per-pass medians of the sample's frame path for a tier: overlay and split view off, dehaze off unless asked for
/// (then where the app's <see cref="SampleApp.DehazePlacement"/> puts it), warm-up frames discarded, and the GPU
/// drained after each frame so one frame's work never spills into the next one's figures.
/// </summary>
public static class FrameBenchmark
{
    /// <summary>The passes reported, in frame order.</summary>
    public static readonly IReadOnlyList<string> Passes =
        ["render", "image->tensor", "readback", "inference", "upload", "tensor->image", "resample", "sharpen", "dehaze"];

    /// <summary>
    /// Runs <paramref name="warmup"/> + <paramref name="frames"/> frames of <paramref name="app"/> at <paramref name="tier"/>,
    /// with the dehaze pass on or off; the app was built with its placement, so that decides the size dehaze runs at.
    /// </summary>
    public static FrameBenchmarkResult Run(SampleApp app, IGraphicsDevice device, UpscaleTier tier, int frames, int warmup, bool dehaze)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frames);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        app.Tier = tier;
        app.OverlayEnabled = false;
        app.SplitView = false;
        app.DehazeEnabled = dehaze;
        app.DrainAfterRender = true;
        var cpu = Passes.Select(_ => new List<double>(frames)).ToArray();
        var gpu = Passes.Select(_ => new List<double>(frames)).ToArray();
        var total = new List<double>(frames);
        var wall = new List<double>(frames);
        var chainBytes = new List<double>(frames);
        var frameBytes = new List<double>(frames);
        var time = new FrameTime(HeadlessRunner.TimeStep, 0, 0);
        for (var i = 0; i < warmup + frames; i++)
        {
            var start = Stopwatch.GetTimestamp();
            app.RenderFrame(time);
            device.Finish();

            // Wall time up to Finish: work recorded on the GPU (GPU-compute inference) counts where it runs, which the
            // app's own frame time (taken before any wait, as the product does) cannot see.
            var wallMilliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            time = time.Next(HeadlessRunner.TimeStep);
            if (i < warmup)
            {
                continue;
            }

            total.Add(app.LastFrameMilliseconds);
            wall.Add(wallMilliseconds);
            chainBytes.Add(app.Timings.ChainTransfers.TotalBytes);
            frameBytes.Add(app.Timings.FrameTransfers.TotalBytes);
            for (var p = 0; p < Passes.Count; p++)
            {
                if (app.Timings.TryGet(Passes[p], out var timing) && timing.Reported)
                {
                    cpu[p].Add(timing.CpuMilliseconds);
                    if (!double.IsNaN(timing.GpuMilliseconds))
                    {
                        gpu[p].Add(timing.GpuMilliseconds);
                    }
                }
            }
        }

        var rows = Passes.Select((pass, p) => new FrameBenchmarkRow(pass, Median(cpu[p]), Median(gpu[p]))).ToArray();
        return new FrameBenchmarkResult(tier, app.RenderResolution, app.OutputSize, app.Upscaler.Status, frames, rows, Median(total))
        {
            DehazePlacement = dehaze ? app.DehazePlacement : null,
            DehazeStatus = app.Dehaze.Status,
            ChainBytes = Median(chainBytes),
            FrameBytes = Median(frameBytes),
            WallMilliseconds = Median(wall),
            UpscalerModelId = app.Upscaler.ActiveModelId,
            UpscalerBackend = app.Upscaler.ActiveBackend,
            DehazeModelId = dehaze ? app.Dehaze.ActiveModelId : null,
            DehazeBackend = dehaze ? app.Dehaze.ActiveBackend : null,
        };
    }

    /// <summary>Writes a result as a markdown table with a heading line.</summary>
    public static void WriteMarkdown(FrameBenchmarkResult result, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(output);
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"### {OverlayContent.TierName(result.Tier)}: render {result.Render} -> output {result.Output}, median of {result.Frames} frames"));
        output.WriteLine(string.Create(c, $"upscaler: {result.Status}"));
        output.WriteLine();
        output.WriteLine("| pass | CPU ms | GPU ms |");
        output.WriteLine("|---|---:|---:|");
        foreach (var row in result.Rows)
        {
            output.WriteLine(string.Create(c, $"| {row.Pass} | {Cell(row.CpuMilliseconds)} | {Cell(row.GpuMilliseconds)} |"));
        }

        output.WriteLine(string.Create(c, $"| **frame (CPU, all passes)** | {Cell(result.FrameMilliseconds)} | |"));
        output.WriteLine();
        output.WriteLine(string.Create(c, $"host<->device bytes per frame (median): post-process chain {result.ChainBytes:F0}, whole frame {result.FrameBytes:F0}"));
        var share = result.OutsideInferenceShare;
        output.WriteLine(double.IsNaN(share)
            ? "outside inference: n/a (no inference ran)"
            : string.Create(c, $"share of the frame outside inference: {share * 100:F0}%; upscaler overhead (image->tensor + readback + upload + tensor->image + resample + sharpen) / inference = {result.PlumbingOverhead * 100:F0}% (target <= 10%)"));
        if (result.DehazePlacement is { } placement)
        {
            var at = string.Create(c, $"dehaze (at {PlacementName(placement)} {result.DehazeSize})");
            output.WriteLine(double.IsNaN(result.DehazeMilliseconds)
                ? $"{at}: did not run ({result.DehazeStatus})"
                : string.Create(c, $"{at}: {Cell(result.DehazeMilliseconds)} ms CPU vs upscaler inference {Cell(result.InferenceMilliseconds)} ms"));
        }

        output.WriteLine();
    }

    /// <summary>
    /// Writes one tier's runs with dehaze at different placements as a markdown table: where it ran, the size it ran
    /// at, its CPU milliseconds beside the upscaler's inference, and the whole frame.
    /// </summary>
    public static void WriteDehazeComparison(IReadOnlyList<FrameBenchmarkResult> results, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(output);
        if (results.Count == 0)
        {
            return;
        }

        var c = CultureInfo.InvariantCulture;
        var first = results[0];
        output.WriteLine(string.Create(c, $"### Dehaze placement, {OverlayContent.TierName(first.Tier)}: render {first.Render} -> output {first.Output}, median of {first.Frames} frames"));
        output.WriteLine();
        output.WriteLine("| placement | dehaze size | dehaze CPU ms | upscaler inference ms | frame ms |");
        output.WriteLine("|---|---|---:|---:|---:|");
        foreach (var result in results)
        {
            var placement = result.DehazePlacement is { } p ? PlacementName(p) : "off";
            output.WriteLine(string.Create(c, $"| {placement} | {result.DehazeSize?.ToString() ?? "-"} | {Cell(result.DehazeMilliseconds)} | {Cell(result.InferenceMilliseconds)} | {Cell(result.FrameMilliseconds)} |"));
        }

        output.WriteLine();
        foreach (var result in results)
        {
            var placement = result.DehazePlacement is { } p ? PlacementName(p) : "off";
            output.WriteLine($"{placement}: dehaze pass: {result.DehazeStatus}; upscaler: {result.Status}");
        }

        output.WriteLine();
    }

    private static string PlacementName(DehazePlacement placement) => placement == DehazePlacement.Render ? "render" : "output";

    private static string Cell(double value) =>
        double.IsNaN(value) ? "-" : value.ToString("F3", CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var middle = values.Count / 2;
        return values.Count % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
