using NeuralPost.Core;
using NeuralPost.Inference;

namespace NeuralPost.Effects;

/// <summary>
/// Opens a network along a <see cref="FallbackPolicy"/>: a GPU execution provider first when the policy allows it,
/// the CPU provider when that is unavailable or fails, with the reason for stepping down. The upscaler and the
/// dehaze pass both load through here, so they pick providers the same way.
/// </summary>
internal static class ModelLoader
{
    /// <summary>GPU execution providers tried, in order, before the CPU one.</summary>
    internal static readonly string[] GpuProviders = ["CUDAExecutionProvider"];

    /// <summary>A loaded network, the provider it runs on (e.g. "CPU EP"), and why a GPU provider was not used, if one was tried.</summary>
    public sealed record Loaded(ImageNetwork Model, string Provider, string? GpuFallbackReason);

    /// <summary>Loads a model file; throws when even the CPU provider cannot load it.</summary>
    /// <exception cref="ModelLoadException">ONNX Runtime could not load the model on the CPU.</exception>
    /// <exception cref="ModelContractException">The model does not fit the contract or <paramref name="expectedScale"/>.</exception>
    public static Loaded Load(OnnxEnvironment ort, string path, int? expectedScale, FallbackPolicy policy)
    {
        string? gpuFallbackReason = null;
        if (policy == FallbackPolicy.GpuThenCpuThenBilinear)
        {
            foreach (var provider in GpuProviders)
            {
                try
                {
                    var gpu = ImageNetwork.Load(ort, path, new RunnerOptions { Providers = [provider] }, expectedScale);
                    return new Loaded(gpu, ExecutionProviderNames.ToDisplayName(gpu.ExecutionProvider), null);
                }
                catch (NeuralPostException e)
                {
                    // The provider is not in this build, its libraries are missing, or it cannot take the graph: the CPU may still.
                    var reason = e is ExecutionProviderUnavailableException unavailable ? unavailable.Reason : Inference.OneLine.Of(e.Message);
                    gpuFallbackReason = (gpuFallbackReason is null ? "" : gpuFallbackReason + "; ") + $"{provider} unavailable ({reason})";
                }
            }
        }

        return new Loaded(ImageNetwork.Load(ort, path, RunnerOptions.Cpu, expectedScale), "CPU EP", gpuFallbackReason);
    }
}
