using System.CommandLine;
using NeuralPost.Core;

namespace NeuralPost.Editor.Cli;

/// <summary>
/// <c>--backend ort|gpu</c>, shared by every command that runs a network. Another value is a usage error (exit 2),
/// reported while the command line is parsed.
/// </summary>
internal static class BackendOption
{
    private static readonly string[] Choices = ["ort", "gpu"];

    /// <summary>
    /// Creates the option; <paramref name="what"/> says what gpu means for the command. With no
    /// <paramref name="defaultValue"/> an absent option parses as <paramref name="absent"/>'s description says.
    /// </summary>
    public static Option<string?> Create(string what, string? defaultValue = "ort", string absent = "ONNX Runtime")
    {
        var option = new Option<string?>("--backend")
        {
            Description = $"ort|gpu: what runs the networks: ONNX Runtime, or GPU compute ({what}); default: {absent}. " +
                "Where GPU compute cannot run, a note says why and ONNX Runtime runs them",
        };
        if (defaultValue is not null)
        {
            option.DefaultValueFactory = _ => defaultValue;
        }

        return option.AcceptOnlyChoices(Choices);
    }

    /// <summary>The backend a validated value names; <paramref name="absent"/> when the option was not given.</summary>
    public static InferenceBackend Parse(string? value, InferenceBackend absent = InferenceBackend.OnnxRuntime) => value switch
    {
        null => absent,
        _ when string.Equals(value, "gpu", StringComparison.OrdinalIgnoreCase) => InferenceBackend.GpuCompute,
        _ => InferenceBackend.OnnxRuntime,
    };
}
