using NeuralPost.Core;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// One network pass (the upscaler's inference, or the whole dehaze pass) as one backend ran it in a frame benchmark:
/// what ran, its work and its medians.
/// </summary>
/// <param name="Requested">The backend the app was built to try first.</param>
/// <param name="Active">What ran the network after the last measured frame; null when nothing did (non-neural fallback).</param>
/// <param name="Network">Manifest id of the network that ran, or null.</param>
/// <param name="Status">The pass's status line, e.g. <c>imdn-rtc-x2 on CPU EP</c>.</param>
/// <param name="GigaFlop">The network's GFLOP per frame (<see cref="NetworkWork"/>); NaN when unknown or nothing ran.</param>
/// <param name="CpuMilliseconds">Median CPU milliseconds of the pass: the whole run on ONNX Runtime, only the recording on GPU compute.</param>
/// <param name="GpuMilliseconds">Median GPU milliseconds of the pass from timer queries; NaN without them.</param>
/// <param name="WallMilliseconds">Median wall milliseconds of the whole frame up to a <c>Finish</c>.</param>
/// <param name="ChainBytes">Median host&lt;-&gt;device bytes per frame of the post-process chain.</param>
public sealed record NetworkFigures(
    InferenceBackend Requested, InferenceBackend? Active, string? Network, string Status, double GigaFlop,
    double CpuMilliseconds, double GpuMilliseconds, double WallMilliseconds, double ChainBytes)
{
    private const string Cpu = "CPU";
    private const string GpuTimer = "GPU timer";
    private const string WallDifference = "wall diff";

    /// <summary>Whether the requested backend ran the network (not a fallback, not the non-neural path).</summary>
    public bool Ran => Active == Requested;

    /// <summary>
    /// The same app's frame wall milliseconds at the same tier without this pass (dehaze off), for the pass's cost
    /// where the GPU timer has no figure for it; NaN when not measured.
    /// </summary>
    public double WithoutPassWallMilliseconds { get; init; } = double.NaN;

    /// <summary>
    /// The pass's own cost in milliseconds: CPU time on ONNX Runtime, whose run is synchronous on the CPU. On GPU
    /// compute, whose dispatches are only recorded on the CPU, the GPU timer's time, else the frame's wall time
    /// minus the wall time without the pass where that was measured, else NaN (then only the frame wall tells).
    /// NaN when the requested backend did not run.
    /// </summary>
    public double Milliseconds => MillisecondsSource switch
    {
        _ when !Ran => double.NaN,
        Cpu => CpuMilliseconds,
        GpuTimer => GpuMilliseconds,
        WallDifference => WallMilliseconds - WithoutPassWallMilliseconds,
        _ => double.NaN,
    };

    /// <summary>Where <see cref="Milliseconds"/> comes from, for the table: <c>CPU</c>, <c>GPU timer</c> or <c>wall diff</c>.</summary>
    public string MillisecondsSource =>
        Requested != InferenceBackend.GpuCompute ? Cpu
        : !double.IsNaN(GpuMilliseconds) || !(WallMilliseconds - WithoutPassWallMilliseconds > 0) ? GpuTimer
        : WallDifference;

    /// <summary>Achieved GFLOP/s: <see cref="GigaFlop"/> / <see cref="Milliseconds"/> in seconds; NaN when either is unknown.</summary>
    public double GigaFlopsPerSecond => Milliseconds > 0 ? GigaFlop / (Milliseconds / 1000.0) : double.NaN;

    /// <summary>The upscaler's inference pass of a frame-benchmark result, with its network's work from <paramref name="manifest"/>.</summary>
    public static NetworkFigures Upscaler(FrameBenchmarkResult result, InferenceBackend requested, ModelManifest? manifest)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new NetworkFigures(
            requested, result.UpscalerBackend, result.UpscalerModelId, result.Status, Work(manifest, result.UpscalerModelId, result.Render),
            result.InferenceMilliseconds, result.InferenceGpuMilliseconds, result.WallMilliseconds, result.ChainBytes);
    }

    /// <summary>
    /// The whole dehaze pass of a frame-benchmark result run with dehaze on (on ONNX Runtime it includes the pass's
    /// readback and upload), with its network's work at the size it ran at.
    /// </summary>
    /// <exception cref="ArgumentException">The result was measured with dehaze off.</exception>
    public static NetworkFigures Dehaze(FrameBenchmarkResult result, InferenceBackend requested, ModelManifest? manifest)
    {
        ArgumentNullException.ThrowIfNull(result);
        var size = result.DehazeSize ?? throw new ArgumentException("the result was measured with dehaze off", nameof(result));
        return new NetworkFigures(
            requested, result.DehazeBackend, result.DehazeModelId, result.DehazeStatus, Work(manifest, result.DehazeModelId, size),
            result.DehazeMilliseconds, result.DehazeGpuMilliseconds, result.WallMilliseconds, result.ChainBytes);
    }

    private static double Work(ModelManifest? manifest, string? id, Size input) =>
        manifest is not null && id is not null && manifest.Contains(id) ? NetworkWork.GigaFlopPerFrame(manifest.Get(id), input) : double.NaN;
}
