using NeuralPost.Graphics;

namespace NeuralPost.Inference.GpuCompute;

/// <summary>Opens ONNX networks as <see cref="IGpuNetworkRunner"/>s on a graphics device.</summary>
public static class GpuComputeRunner
{
    /// <summary>Imports <paramref name="path"/> and prepares it to run on <paramref name="device"/>.</summary>
    /// <exception cref="ModelLoadException">The file is missing or corrupt, or uses an operator the runner lacks.</exception>
    /// <exception cref="ModelContractException">The model's tensors do not fit the image-to-image contract.</exception>
    public static IGpuNetworkRunner Open(IGraphicsDevice device, string path)
    {
        ArgumentNullException.ThrowIfNull(device);
        // Placeholder until the importer and kernels land: every caller falls back to ONNX Runtime.
        throw new ModelLoadException(path, "the GPU-compute runner is not built yet", new NotSupportedException());
    }
}
