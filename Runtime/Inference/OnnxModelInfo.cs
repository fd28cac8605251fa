using System.Globalization;
using Microsoft.ML.OnnxRuntime;

namespace NeuralPost.Inference;

/// <summary>A model's declared inputs and outputs, whatever their types and ranks, for tools that describe models.</summary>
public static class OnnxModelInfo
{
    /// <summary>Opens <paramref name="path"/> on the CPU and lists its inputs and outputs in declaration order.</summary>
    /// <exception cref="ModelLoadException">The file is missing, truncated or corrupt.</exception>
    public static (IReadOnlyList<TensorDescription> Inputs, IReadOnlyList<TensorDescription> Outputs) Read(OnnxEnvironment environment, string path)
    {
        ArgumentNullException.ThrowIfNull(environment);
        using var options = new SessionOptions();
        using var session = OnnxNetworkRunner.CreateSession(path, options);
        return (Describe(session.InputNames, session.InputMetadata), Describe(session.OutputNames, session.OutputMetadata));
    }

    private static TensorDescription[] Describe(IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> nodes) =>
        names.Select(name =>
        {
            var node = nodes[name];
            var type = node.IsTensor ? node.ElementDataType.ToString() : node.OnnxValueType.ToString();
            var dims = node.IsTensor
                ? node.Dimensions.Select((d, i) => d >= 0 ? d.ToString(CultureInfo.InvariantCulture)
                    : i < node.SymbolicDimensions.Length && node.SymbolicDimensions[i].Length > 0 ? node.SymbolicDimensions[i] : "?").ToArray()
                : [];
            return new TensorDescription(name, type, dims);
        }).ToArray();
}
