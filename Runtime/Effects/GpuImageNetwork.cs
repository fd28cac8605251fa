using NeuralPost.Inference;

namespace NeuralPost.Effects;

/// <summary>
/// An image-to-image network behind an <see cref="IGpuNetworkRunner"/>: the GPU-compute counterpart of
/// <see cref="ImageNetwork"/>, with the same contract (RGB in, RGB out at an integer scale s per axis) checked on
/// load from the runner's shape inference, without running anything.
/// </summary>
internal sealed class GpuImageNetwork : IDisposable
{
    private const int ProbeSize = 16;

    private GpuImageNetwork(IGpuNetworkRunner runner, int scale, string path)
    {
        Runner = runner;
        Scale = scale;
        Path = path;
    }

    /// <summary>The runner; owned.</summary>
    public IGpuNetworkRunner Runner { get; }

    /// <summary>Upscale factor per axis.</summary>
    public int Scale { get; }

    /// <summary>File the model was imported from.</summary>
    public string Path { get; }

    /// <summary>
    /// Wraps <paramref name="runner"/> (owned from then on, disposed on failure) after checking the image contract
    /// and, when given, <paramref name="expectedScale"/>.
    /// </summary>
    /// <exception cref="ModelContractException">The model does not fit the contract.</exception>
    public static GpuImageNetwork FromRunner(IGpuNetworkRunner runner, string path, int? expectedScale)
    {
        ArgumentNullException.ThrowIfNull(runner);
        try
        {
            var input = runner.InputShape;
            if (!(input.N is 1 or NchwShape.Dynamic && input.C == 3 && input.H == NchwShape.Dynamic && input.W == NchwShape.Dynamic))
            {
                throw new ModelContractException($"{path}: the input must be 1x3xHxW with dynamic H and W, found {input}");
            }

            var shape = runner.OutputShapeFor(NchwShape.Rgb(ProbeSize, ProbeSize));
            var scale = shape.H / ProbeSize;
            if (!(shape.N == 1 && shape.C == 3 && scale >= 1 && shape.H == scale * ProbeSize && shape.W == scale * ProbeSize))
            {
                throw new ModelContractException(
                    $"{path}: a 1x3x{ProbeSize}x{ProbeSize} input gives output {shape}; expected 1x3x(s*{ProbeSize})x(s*{ProbeSize})");
            }

            if (expectedScale is { } expected && expected != scale)
            {
                throw new ModelContractException($"{path}: the manifest says scale {expected}, the model upscales x{scale}");
            }

            return new GpuImageNetwork(runner, (int)scale, path);
        }
        catch
        {
            runner.Dispose();
            throw;
        }
    }

    public void Dispose() => Runner.Dispose();
}
