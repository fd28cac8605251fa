using NeuralPost.Core;
using NeuralPost.Graphics;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// One network pass measured on both backends in the same run, on the same device: ONNX Runtime (<c>ort</c>) and
/// GPU compute (<c>gpu</c>), with their frame-benchmark results kept for the per-pass table.
/// </summary>
/// <param name="Label">What was measured: the tier's name, or <c>dehaze</c> with the tier it ran under.</param>
/// <param name="Render">The tier's render size.</param>
/// <param name="Output">The output size.</param>
/// <param name="Ort">The pass on ONNX Runtime.</param>
/// <param name="Gpu">The pass on GPU compute.</param>
/// <param name="OrtFrame">The ONNX Runtime app's frame-benchmark result.</param>
/// <param name="GpuFrame">The GPU-compute app's frame-benchmark result.</param>
public sealed record BackendComparison(
    string Label, Size Render, Size Output, NetworkFigures Ort, NetworkFigures Gpu, FrameBenchmarkResult OrtFrame, FrameBenchmarkResult GpuFrame)
{
    /// <summary>Why GPU compute did not run this pass, as the pass logged it; null when unknown or when it ran.</summary>
    public string? GpuNote { get; init; }

    /// <summary>gpu / ort of the pass's milliseconds; NaN unless both backends ran and both figures are known.</summary>
    public double MillisecondsRatio => Ratio(Gpu.Milliseconds, Ort.Milliseconds);

    /// <summary>gpu / ort of the frame's wall milliseconds (up to a <c>Finish</c>); NaN unless both backends ran.</summary>
    public double WallRatio => Ratio(Gpu.Ran ? Gpu.WallMilliseconds : double.NaN, Ort.Ran ? Ort.WallMilliseconds : double.NaN);

    /// <summary>
    /// Measures the upscaler's inference at <paramref name="tier"/> (dehaze off) on the ONNX Runtime app, then on the
    /// GPU-compute app, back to back on <paramref name="device"/>.
    /// </summary>
    public static BackendComparison MeasureUpscaler(
        SampleApp ort, SampleApp gpu, IGraphicsDevice device, ModelManifest? manifest, UpscaleTier tier, int frames, int warmup)
    {
        var (ortFrame, gpuFrame) = RunBoth(ort, gpu, device, tier, frames, warmup, dehaze: false);
        return new BackendComparison(
            OverlayContent.TierName(tier), ortFrame.Render, ortFrame.Output,
            NetworkFigures.Upscaler(ortFrame, InferenceBackend.OnnxRuntime, manifest), NetworkFigures.Upscaler(gpuFrame, InferenceBackend.GpuCompute, manifest),
            ortFrame, gpuFrame);
    }

    /// <summary>
    /// Measures the dehaze pass at the tier of <paramref name="withoutDehaze"/> (that tier measured with dehaze off
    /// on the same apps) on both apps back to back; where a backend's pass has no GPU timer figure, its cost is the
    /// frame's wall time with dehaze minus without.
    /// </summary>
    public static BackendComparison MeasureDehaze(
        SampleApp ort, SampleApp gpu, IGraphicsDevice device, ModelManifest? manifest, BackendComparison withoutDehaze, int frames, int warmup)
    {
        ArgumentNullException.ThrowIfNull(withoutDehaze);
        var tier = withoutDehaze.OrtFrame.Tier;
        var (ortFrame, gpuFrame) = RunBoth(ort, gpu, device, tier, frames, warmup, dehaze: true);
        return new BackendComparison(
            $"dehaze ({OverlayContent.TierName(tier)})", ortFrame.Render, ortFrame.Output,
            NetworkFigures.Dehaze(ortFrame, InferenceBackend.OnnxRuntime, manifest) with { WithoutPassWallMilliseconds = withoutDehaze.OrtFrame.WallMilliseconds },
            NetworkFigures.Dehaze(gpuFrame, InferenceBackend.GpuCompute, manifest) with { WithoutPassWallMilliseconds = withoutDehaze.GpuFrame.WallMilliseconds },
            ortFrame, gpuFrame);
    }

    private static (FrameBenchmarkResult Ort, FrameBenchmarkResult Gpu) RunBoth(
        SampleApp ort, SampleApp gpu, IGraphicsDevice device, UpscaleTier tier, int frames, int warmup, bool dehaze)
    {
        ArgumentNullException.ThrowIfNull(ort);
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(device);
        return (FrameBenchmark.Run(ort, device, tier, frames, warmup, dehaze), FrameBenchmark.Run(gpu, device, tier, frames, warmup, dehaze));
    }

    private static double Ratio(double numerator, double denominator) =>
        numerator > 0 && denominator > 0 ? numerator / denominator : double.NaN;
}
