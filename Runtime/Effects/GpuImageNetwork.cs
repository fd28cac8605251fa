using NeuralPost.Inference;

namespace NeuralPost.Effects;

/// <summary>
/// An image-to-image network behind an <see cref="IGpuNetworkRunner"/>: the GPU-compute counterpart of
/// <see cref="ImageNetwork"/>, with the same contract (RGB in, RGB out at an integer scale s per axis) checked on
/// load from the runner's shape inference, without running anything.
/// </summary>
/// <param name="runner">The runner; owned.</param>
/// <param name="scale">Upscale factor per axis.</param>
/// <param name="path">File the model was imported from.</param>
internal sealed class GpuImageNetwork(IGpuNetworkRunner runner, int scale, string path) : IDisposable
{
    public IGpuNetworkRunner Runner => runner;

    public int Scale => scale;

    public string Path => path;

    /// <summary>
    /// Wraps <paramref name="gpuRunner"/> (owned from then on, disposed on failure) after checking the image contract
    /// and, when given, <paramref name="expectedScale"/>.
    /// </summary>
    /// <exception cref="ModelContractException">The model does not fit the contract.</exception>
    public static GpuImageNetwork FromRunner(IGpuNetworkRunner gpuRunner, string modelPath, int? expectedScale)
    {
        ArgumentNullException.ThrowIfNull(gpuRunner);
        try
        {
            var found = ImageNetwork.CheckContract(gpuRunner.InputShape, gpuRunner.OutputShapeFor, modelPath, expectedScale);
            return new GpuImageNetwork(gpuRunner, found, modelPath);
        }
        catch
        {
            gpuRunner.Dispose();
            throw;
        }
    }

    public void Dispose() => runner.Dispose();
}
