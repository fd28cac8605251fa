using Microsoft.ML.OnnxRuntime;

namespace NeuralPost.Inference;

/// <summary>Appends execution providers to session options by preference, with the reason for each one skipped.</summary>
internal static class ExecutionProviders
{
    /// <summary>
    /// Appends each provider of <paramref name="preference"/> that this build has and that ONNX Runtime accepts, in
    /// order; CPU is always the last fallback. With <paramref name="require"/> a provider that cannot be appended
    /// throws <see cref="ExecutionProviderUnavailableException"/> instead of being skipped.
    /// </summary>
    public static ExecutionProviderSelection Append(SessionOptions options, IEnumerable<string> preference,
        IReadOnlyList<string> available, bool require)
    {
        var appended = new List<string>();
        var skipped = new List<SkippedExecutionProvider>();
        foreach (var name in preference)
        {
            var fullName = ExecutionProviderNames.ToFullName(name);
            var reason = fullName == ExecutionProviderNames.Cpu || appended.Contains(fullName) ? null : TryAppend(options, fullName, available);
            if (reason is null)
            {
                appended.Add(fullName);
                continue;
            }

            if (require)
            {
                throw new ExecutionProviderUnavailableException(name, reason);
            }

            skipped.Add(new SkippedExecutionProvider(name, reason));
        }

        appended.Remove(ExecutionProviderNames.Cpu);
        appended.Add(ExecutionProviderNames.Cpu);
        return new ExecutionProviderSelection(appended, skipped);
    }

    /// <summary>Appends one provider; null on success, else the one-line reason.</summary>
    private static string? TryAppend(SessionOptions options, string fullName, IReadOnlyList<string> available)
    {
        if (!available.Contains(fullName, StringComparer.Ordinal))
        {
            return $"not in this ONNX Runtime build (it has {string.Join(", ", available)})";
        }

        try
        {
            AppendKnown(options, fullName);
            return null;
        }
        catch (OnnxRuntimeException e)
        {
            // The provider is compiled in but cannot start; ONNX Runtime does not say which library it missed.
            return OneLine.Of(e.Message) + (fullName is ExecutionProviderNames.Cuda or ExecutionProviderNames.TensorRT
                ? "; the CUDA build of ONNX Runtime 1.31 needs an NVIDIA driver, CUDA 13 (libcudart.so.13, libcublas.so.13) and cuDNN 9 on the library path"
                : "");
        }
    }

    /// <summary>
    /// Appends through the provider's own call where the managed API has one. DirectML is reached through
    /// <see cref="SessionOptions.AppendExecutionProvider_DML"/>, which works only on Windows with the DirectML native
    /// package (<c>Microsoft.ML.OnnxRuntime.DirectML</c>) in place of the CPU one; elsewhere ONNX Runtime does not
    /// list it as available, so it is reported as skipped before this is reached.
    /// </summary>
    private static void AppendKnown(SessionOptions options, string fullName)
    {
        switch (fullName)
        {
            case ExecutionProviderNames.Cuda:
                options.AppendExecutionProvider_CUDA(0);
                break;
            case ExecutionProviderNames.TensorRT:
                options.AppendExecutionProvider_Tensorrt(0);
                break;
            case ExecutionProviderNames.DirectML when OperatingSystem.IsWindows():
                options.AppendExecutionProvider_DML(0);
                break;
            default:
                options.AppendExecutionProvider(ExecutionProviderNames.ToShortName(fullName), []);
                break;
        }
    }
}
