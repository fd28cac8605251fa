namespace NeuralPost.Inference;

/// <summary>How a network is opened: which execution providers to try, and CPU threads.</summary>
public sealed record RunnerOptions
{
    /// <summary>Only the CPU execution provider, ONNX Runtime's default threads.</summary>
    public static RunnerOptions Cpu { get; } = new();

    /// <summary>
    /// Execution providers to append before the CPU one, in preference order ("CUDA", "DML", "XNNPACK", or the long
    /// names ONNX Runtime reports). The CPU provider is always the last fallback and needs no entry.
    /// </summary>
    public IReadOnlyList<string> Providers { get; init; } = [];

    /// <summary>Intra-op CPU threads; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>
    /// True (the default): a listed provider that cannot be appended throws <see cref="ExecutionProviderUnavailableException"/>,
    /// so the caller can fall back and say why. False: it is skipped silently (see <see cref="OnnxNetworkRunner.ProviderSelection"/>).
    /// </summary>
    public bool RequireProviders { get; init; } = true;
}
