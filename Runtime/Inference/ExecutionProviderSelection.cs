namespace NeuralPost.Inference;

/// <summary>What a preference list of execution providers came to: appended in order, and skipped with the reason.</summary>
/// <param name="Appended">Providers appended, long names, in preference order, always ending with <c>CPUExecutionProvider</c>.</param>
/// <param name="Skipped">Providers not appended, as requested, each with a one-line reason.</param>
public sealed record ExecutionProviderSelection(IReadOnlyList<string> Appended, IReadOnlyList<SkippedExecutionProvider> Skipped);

/// <summary>A requested provider that was not appended.</summary>
/// <param name="Name">The name as requested.</param>
/// <param name="Reason">One-line reason: not in this build, or ONNX Runtime's refusal.</param>
public sealed record SkippedExecutionProvider(string Name, string Reason);
