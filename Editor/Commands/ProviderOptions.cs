using System.CommandLine;

namespace NeuralPost.Editor.Commands;

/// <summary>Options shared by the commands that run a model: execution providers and CPU threads.</summary>
internal static class ProviderOptions
{
    public static Option<string[]> Create() => new("--ep")
    {
        Description = "Execution provider to try before the CPU one (repeatable, in preference order), e.g. CUDA, WebGPU",
        AllowMultipleArgumentsPerToken = false,
    };

    public static Option<int> CreateThreads() => new("--threads")
    {
        Description = "Intra-op CPU threads (0: ONNX Runtime's default)",
        DefaultValueFactory = _ => 0,
    };
}
