using NeuralPost.Core;
using NeuralPost.Graphics;

namespace NeuralPost.Inference.GpuCompute;

/// <summary>Opens ONNX networks as <see cref="IGpuNetworkRunner"/>s on a graphics device.</summary>
public static class GpuComputeRunner
{
    /// <summary>Imports <paramref name="path"/> with <see cref="GpuComputeOptions.Default"/>; see <see cref="Open(IGraphicsDevice, string, GpuComputeOptions)"/>.</summary>
    /// <exception cref="ModelLoadException">The file is missing or corrupt, or uses an operator the runner lacks.</exception>
    /// <exception cref="ModelContractException">The model's tensors do not fit the image-to-image contract.</exception>
    public static IGpuNetworkRunner Open(IGraphicsDevice device, string path) => Open(device, path, GpuComputeOptions.Default);

    /// <summary>
    /// Imports <paramref name="path"/> (constants folded, convolution epilogues fused), checks that every node can
    /// run, and uploads the weights to <paramref name="device"/> once. Kernels compile on the first
    /// <see cref="IGpuNetworkRunner.Bind"/> that needs them.
    /// </summary>
    /// <exception cref="ModelLoadException">The file is missing or corrupt, holds an initializer whose data does not
    /// match its declared shape, or uses an operator or attribute the runner lacks (the message names the operator and node).</exception>
    /// <exception cref="ModelContractException">The model's tensors do not fit the image-to-image contract.</exception>
    /// <exception cref="GraphicsException">The weights buffer could not be created.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="options"/> holds an undefined enum value.</exception>
    public static IGpuNetworkRunner Open(IGraphicsDevice device, string path, GpuComputeOptions options)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var storage = DefinedEnum.Require(options.Storage, "tensor storage", nameof(options));
        var graph = OnnxGraphReader.Read(path);
        GraphFusion.Apply(graph);
        var direct = options.Convolution == ConvolutionKernel.Direct
            || (options.Convolution == ConvolutionKernel.Auto && GpuComputeOptions.IsSoftwareRenderer(device.Description));
        return GpuNetwork.Create(device, graph, direct, storage);
    }
}
