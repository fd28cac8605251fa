namespace NeuralPost.Onnx;

/// <summary>Outcome of <see cref="SessionOptions.AppendExecutionProviders"/>: what was appended, and what was skipped and why.</summary>
/// <param name="Appended">Providers appended, in preference order (canonical names such as "CUDAExecutionProvider").</param>
/// <param name="Skipped">Providers not appended, with the reason.</param>
public sealed record ExecutionProviderSelection(IReadOnlyList<string> Appended, IReadOnlyList<SkippedExecutionProvider> Skipped);

/// <summary>A provider from a preference list that was not appended.</summary>
/// <param name="Name">The name as requested.</param>
/// <param name="Reason">One-line reason, such as "not in this build" or ORT's error.</param>
public sealed record SkippedExecutionProvider(string Name, string Reason);
