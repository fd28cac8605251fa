using NeuralPost.Core;

namespace NeuralPost.Inference.GpuCompute;

/// <summary>Which convolution kernel the GPU-compute runner uses.</summary>
public enum ConvolutionKernel
{
    /// <summary><see cref="Direct"/> on software renderers (llvmpipe, softpipe, SwiftShader), <see cref="Tiled"/> on hardware.</summary>
    Auto = 0,

    /// <summary>Input tiles staged in shared memory, several output channels per invocation: the kernel for GPUs.</summary>
    Tiled = 1,

    /// <summary>
    /// Every invocation reads its input window straight from the buffer. On llvmpipe this is several times faster
    /// than <see cref="Tiled"/>, whose barriers and shared-memory gathers it emulates at a high cost.
    /// </summary>
    Direct = 2,
}

/// <summary>Options of <see cref="GpuComputeRunner.Open(Graphics.IGraphicsDevice, string, GpuComputeOptions)"/>.</summary>
public sealed record GpuComputeOptions
{
    /// <summary>The default: <see cref="ConvolutionKernel.Auto"/>.</summary>
    public static readonly GpuComputeOptions Default = new();

    /// <summary>The convolution kernel; results agree to fp32 rounding whichever is chosen.</summary>
    public ConvolutionKernel Convolution { get; init; } = ConvolutionKernel.Auto;

    /// <summary>
    /// How intermediate tensors are stored; <see cref="TensorStorage.Float32"/> unless chosen here, so the runner's
    /// own default stays exact. The passes' settings default to <see cref="TensorStorage.Float16"/>.
    /// </summary>
    public TensorStorage Storage { get; init; } = TensorStorage.Float32;

    /// <summary>Whether <paramref name="deviceDescription"/> names a CPU (software) OpenGL implementation.</summary>
    public static bool IsSoftwareRenderer(string deviceDescription) =>
        deviceDescription.Contains("llvmpipe", StringComparison.OrdinalIgnoreCase)
        || deviceDescription.Contains("softpipe", StringComparison.OrdinalIgnoreCase)
        || deviceDescription.Contains("SwiftShader", StringComparison.OrdinalIgnoreCase);
}
