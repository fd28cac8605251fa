using System.CommandLine;
using NeuralPost.Editor.Cli;

namespace NeuralPost.Editor.Commands;

/// <summary>Options shared by the commands that run a model: execution providers and CPU threads.</summary>
internal static class ProviderOptions
{
    public static Option<string[]> Create() => new("--ep")
    {
        Description = "Execution provider to try before the CPU one (repeatable, in preference order), e.g. CUDA, WebGPU",
        AllowMultipleArgumentsPerToken = false,
    };

    // Above the processor count the value is clamped (see ThreadCount), not refused: it is a wish, not an error.
    public static Option<int> CreateThreads() => new Option<int>("--threads")
    {
        Description = "Intra-op CPU threads (0: ONNX Runtime's default; more than the processors is clamped to them)",
        DefaultValueFactory = _ => 0,
    }.Within(0, int.MaxValue);
}
