using System.Globalization;
using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>Median milliseconds of one pass over the measured frames; NaN where it never reported.</summary>
public sealed record FrameBenchmarkRow(string Pass, double CpuMilliseconds, double GpuMilliseconds);

/// <summary>One tier's result.</summary>
public sealed record FrameBenchmarkResult(
    UpscaleTier Tier, Size Render, Size Output, string Status, int Frames, IReadOnlyList<FrameBenchmarkRow> Rows, double FrameMilliseconds)
{
    /// <summary>Median CPU milliseconds of the inference pass, NaN when it never ran.</summary>
    public double InferenceMilliseconds => Rows.FirstOrDefault(r => r.Pass == "inference")?.CpuMilliseconds ?? double.NaN;

    /// <summary>Passes that move the frame to and from the network: the upscaler's cost besides inference.</summary>
    public static readonly IReadOnlyList<string> PlumbingPasses = ["image->tensor", "readback", "upload", "tensor->image", "resample", "sharpen"];

    /// <summary>Share of the frame spent outside inference, (frame - inference) / frame; NaN without inference.</summary>
    public double OutsideInferenceShare => InferenceMilliseconds > 0
        ? (FrameMilliseconds - InferenceMilliseconds) / FrameMilliseconds
        : double.NaN;

    /// <summary>
    /// The upscaler's own overhead relative to inference: the plumbing passes' CPU milliseconds / inference's (the
    /// scene render is the game's cost, not the upscaler's). The target is at most 0.10 on the CPU path.
    /// </summary>
    public double PlumbingOverhead => InferenceMilliseconds > 0
        ? Rows.Where(r => PlumbingPasses.Contains(r.Pass) && !double.IsNaN(r.CpuMilliseconds)).Sum(r => r.CpuMilliseconds) / InferenceMilliseconds
        : double.NaN;
}

/// <summary>
/// Per-pass medians of the sample's frame path for a tier: overlay and split view off, dehaze off, warm-up frames
/// discarded, and the GPU drained after each frame so one frame's work never spills into the next one's figures.
/// </summary>
public static class FrameBenchmark
{
    /// <summary>The passes reported, in frame order.</summary>
    public static readonly IReadOnlyList<string> Passes =
        ["render", "image->tensor", "readback", "inference", "upload", "tensor->image", "resample", "sharpen"];

    /// <summary>Runs <paramref name="warmup"/> + <paramref name="frames"/> frames of <paramref name="app"/> at <paramref name="tier"/>.</summary>
    public static FrameBenchmarkResult Run(SampleApp app, IGraphicsDevice device, UpscaleTier tier, int frames, int warmup)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frames);
        ArgumentOutOfRangeException.ThrowIfNegative(warmup);
        app.Tier = tier;
        app.OverlayEnabled = false;
        app.SplitView = false;
        app.DehazeEnabled = false;
        app.DrainAfterRender = true;
        var cpu = Passes.Select(_ => new List<double>(frames)).ToArray();
        var gpu = Passes.Select(_ => new List<double>(frames)).ToArray();
        var total = new List<double>(frames);
        var time = new FrameTime(HeadlessRunner.TimeStep, 0, 0);
        for (var i = 0; i < warmup + frames; i++)
        {
            app.RenderFrame(time);
            device.Finish();
            time = time.Next(HeadlessRunner.TimeStep);
            if (i < warmup)
            {
                continue;
            }

            total.Add(app.LastFrameMilliseconds);
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
        return new FrameBenchmarkResult(tier, app.RenderResolution, app.OutputSize, app.Upscaler.Status, frames, rows, Median(total));
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
        var share = result.OutsideInferenceShare;
        output.WriteLine(double.IsNaN(share)
            ? "outside inference: n/a (no inference ran)"
            : string.Create(c, $"share of the frame outside inference: {share * 100:F0}%; upscaler overhead (image->tensor + readback + upload + tensor->image + resample + sharpen) / inference = {result.PlumbingOverhead * 100:F0}% (target <= 10%)"));
        output.WriteLine();
    }

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
