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
    /// Measures <paramref name="tier"/> on the ONNX Runtime app, then on the GPU-compute app, back to back on
    /// <paramref name="device"/>; with <paramref name="dehaze"/> the figures are the dehaze pass's, else the upscaler's inference.
    /// </summary>
    public static BackendComparison Measure(
        SampleApp ort, SampleApp gpu, IGraphicsDevice device, ModelManifest? manifest, UpscaleTier tier, int frames, int warmup, bool dehaze)
    {
        ArgumentNullException.ThrowIfNull(ort);
        ArgumentNullException.ThrowIfNull(gpu);
        ArgumentNullException.ThrowIfNull(device);
        var ortFrame = FrameBenchmark.Run(ort, device, tier, frames, warmup, dehaze);
        var gpuFrame = FrameBenchmark.Run(gpu, device, tier, frames, warmup, dehaze);
        var name = OverlayContent.TierName(tier);
        return dehaze
            ? new BackendComparison(
                $"dehaze ({name})", ortFrame.Render, ortFrame.Output,
                NetworkFigures.Dehaze(ortFrame, InferenceBackend.OnnxRuntime, manifest), NetworkFigures.Dehaze(gpuFrame, InferenceBackend.GpuCompute, manifest),
                ortFrame, gpuFrame)
            : new BackendComparison(
                name, ortFrame.Render, ortFrame.Output,
                NetworkFigures.Upscaler(ortFrame, InferenceBackend.OnnxRuntime, manifest), NetworkFigures.Upscaler(gpuFrame, InferenceBackend.GpuCompute, manifest),
                ortFrame, gpuFrame);
    }

    private static double Ratio(double numerator, double denominator) =>
        numerator > 0 && denominator > 0 ? numerator / denominator : double.NaN;
}
