using NeuralPost.Core;
using NeuralPost.Onnx;

namespace NeuralPost.Effects.Upscale;

/// <summary>
/// Opens a super-resolution network along a <see cref="FallbackPolicy"/>: a GPU execution provider first when the
/// policy allows it, the CPU provider when that is unavailable or fails, with the reason for stepping down.
/// </summary>
internal static class ModelLoader
{
    /// <summary>GPU execution providers tried, in order, before the CPU one.</summary>
    internal static readonly string[] GpuProviders = ["CUDAExecutionProvider"];

    /// <summary>A loaded network, the provider it runs on (e.g. "CPU EP"), and why a GPU provider was not used, if one was tried.</summary>
    public sealed record Loaded(SuperResolutionModel Model, string Provider, string? GpuFallbackReason);

    /// <summary>Loads <paramref name="card"/>'s verified file; throws when even the CPU provider cannot load it.</summary>
    /// <exception cref="ModelManifestException">The file is missing or its hash differs.</exception>
    /// <exception cref="OrtException">ONNX Runtime could not load the model on the CPU.</exception>
    /// <exception cref="ModelContractException">The model does not fit the super-resolution contract.</exception>
    public static Loaded Load(OrtEnvironment ort, ModelManifest manifest, ModelCard card, FallbackPolicy policy)
    {
        var path = manifest.ResolveVerifiedFile(card);
        int? expectedScale = card.Scale > 0 ? card.Scale : null;
        string? gpuFallbackReason = null;
        if (policy == FallbackPolicy.GpuThenCpuThenBilinear)
        {
            foreach (var provider in GpuProviders)
            {
                var gpu = TryLoadOnGpu(ort, path, expectedScale, provider, out var reason);
                if (gpu is not null)
                {
                    return new Loaded(gpu, ShortName(provider) + " EP", null);
                }

                gpuFallbackReason = gpuFallbackReason is null ? $"{provider} unavailable ({reason})" : $"{gpuFallbackReason}; {provider} unavailable ({reason})";
            }
        }

        using var options = new SessionOptions();
        return new Loaded(SuperResolutionModel.Load(ort, path, options, expectedScale), "CPU EP", gpuFallbackReason);
    }

    private static SuperResolutionModel? TryLoadOnGpu(OrtEnvironment ort, string path, int? expectedScale, string provider,
        out string reason)
    {
        try
        {
            using var options = new SessionOptions();
            options.AppendExecutionProvider(provider);
            reason = string.Empty;
            return SuperResolutionModel.Load(ort, path, options, expectedScale);
        }
        catch (Exception e) when (e is NeuralPostException or InvalidOperationException)
        {
            // OrtException and ExecutionProviderUnavailableException are NeuralPostExceptions: a missing provider,
            // its missing shared library, or a graph the provider cannot take. The CPU path may still work.
            reason = OneLine(e.Message);
            return null;
        }
    }

    private static string ShortName(string provider) =>
        provider.EndsWith("ExecutionProvider", StringComparison.Ordinal) ? provider[..^"ExecutionProvider".Length] : provider;

    internal static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
