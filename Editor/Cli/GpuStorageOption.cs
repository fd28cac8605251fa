using System.CommandLine;
using NeuralPost.Core;

namespace NeuralPost.Editor.Cli;

/// <summary>
/// <c>--gpu-storage fp32|fp16</c>, beside <c>--backend</c>: how GPU compute stores the networks' intermediate
/// tensors. ONNX Runtime ignores it. Another value is a usage error (exit 2), reported while the command line is parsed.
/// </summary>
internal static class GpuStorageOption
{
    private static readonly string[] Choices = ["fp32", "fp16"];

    public static Option<string> Create() =>
        new Option<string>("--gpu-storage")
        {
            Description = "fp16|fp32: how GPU compute stores intermediate tensors (fp16: half the memory and traffic, " +
                "arithmetic stays fp32; fp32: equal to ONNX Runtime to rounding); ignored with --backend ort",
            DefaultValueFactory = _ => "fp16",
        }.AcceptOnlyChoices(Choices);

    /// <summary>The storage a validated value names.</summary>
    public static TensorStorage Parse(string? value) =>
        string.Equals(value, "fp16", StringComparison.OrdinalIgnoreCase) ? TensorStorage.Float16 : TensorStorage.Float32;
}
