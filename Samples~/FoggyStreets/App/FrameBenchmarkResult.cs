using NeuralPost.Core;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>Median milliseconds of one pass over the measured frames; NaN where it never reported.</summary>
public sealed record FrameBenchmarkRow(string Pass, double CpuMilliseconds, double GpuMilliseconds);

/// <summary>One tier's result.</summary>
public sealed record FrameBenchmarkResult(
    UpscaleTier Tier, Size Render, Size Output, string Status, int Frames, IReadOnlyList<FrameBenchmarkRow> Rows, double FrameMilliseconds)
{
    /// <summary>Median CPU milliseconds of the inference pass, NaN when it never ran.</summary>
    public double InferenceMilliseconds => CpuMilliseconds("inference");

    /// <summary>Where the dehaze pass was placed when it was on for this run; null when it was off.</summary>
    public DehazePlacement? DehazePlacement { get; init; }

    /// <summary>What the dehaze pass reported it did (e.g. <c>dehaze on CPU EP</c> or why it passed frames through).</summary>
    public string DehazeStatus { get; init; } = "disabled";

    /// <summary>The size of the frames the dehaze pass ran on: render or output by placement; null when it was off.</summary>
    public Size? DehazeSize => DehazePlacement switch
    {
        App.DehazePlacement.Render => Render,
        App.DehazePlacement.Output => Output,
        _ => null,
    };

    /// <summary>Median host&lt;-&gt;device bytes of the post-process chain per measured frame (0 when it never leaves the GPU).</summary>
    public double ChainBytes { get; init; } = double.NaN;

    /// <summary>Median host&lt;-&gt;device bytes of the whole frame (scene, chain, host) per measured frame.</summary>
    public double FrameBytes { get; init; } = double.NaN;

    /// <summary>
    /// Median wall milliseconds of the frame including a <c>Finish</c> at its end, so GPU work recorded by the frame
    /// (GPU-compute inference) is in it; the product itself never waits like this.
    /// </summary>
    public double WallMilliseconds { get; init; } = double.NaN;

    /// <summary>Manifest id of the upscaler's network after the last measured frame; null when none ran.</summary>
    public string? UpscalerModelId { get; init; }

    /// <summary>What ran the upscaler's network after the last measured frame (<see cref="NeuralPost.Effects.NeuralPass.ActiveBackend"/>); null when none did.</summary>
    public InferenceBackend? UpscalerBackend { get; init; }

    /// <summary>Manifest id of the dehaze network after the last measured frame; null when dehaze was off or none ran.</summary>
    public string? DehazeModelId { get; init; }

    /// <summary>What ran the dehaze network after the last measured frame; null when dehaze was off or none ran.</summary>
    public InferenceBackend? DehazeBackend { get; init; }

    /// <summary>Median GPU milliseconds of the inference pass (timer queries), NaN without them or when it never ran.</summary>
    public double InferenceGpuMilliseconds => GpuMilliseconds("inference");

    /// <summary>Median GPU milliseconds of the whole dehaze pass (timer queries), NaN without them or when it never ran.</summary>
    public double DehazeGpuMilliseconds => GpuMilliseconds("dehaze");

    /// <summary>Median CPU milliseconds of the whole dehaze pass, NaN when it never ran.</summary>
    public double DehazeMilliseconds => CpuMilliseconds("dehaze");

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

    private double CpuMilliseconds(string pass) => Rows.FirstOrDefault(r => r.Pass == pass)?.CpuMilliseconds ?? double.NaN;

    private double GpuMilliseconds(string pass) => Rows.FirstOrDefault(r => r.Pass == pass)?.GpuMilliseconds ?? double.NaN;
}
