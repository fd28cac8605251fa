namespace NeuralPost.Core;

/// <summary>What the upscaler falls back to, in order, when a faster path is unavailable or fails.</summary>
public enum FallbackPolicy
{
    /// <summary>GPU inference, then CPU inference, then a bilinear upscale.</summary>
    GpuThenCpuThenBilinear,

    /// <summary>CPU inference, then a bilinear upscale; for machines whose GPU is needed for the game itself.</summary>
    CpuThenBilinear,

    /// <summary>Bilinear upscale only: no network at all, for debugging and for comparisons.</summary>
    BilinearOnly,
}
