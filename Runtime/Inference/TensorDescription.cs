namespace NeuralPost.Inference;

/// <summary>One declared input or output.</summary>
/// <param name="Name">Its name in the graph.</param>
/// <param name="ElementType">Element type as ONNX Runtime names it, e.g. <c>Float</c>, <c>Float16</c>.</param>
/// <param name="Dimensions">Each dimension: a number, a symbolic name, or <c>?</c>.</param>
public sealed record TensorDescription(string Name, string ElementType, IReadOnlyList<string> Dimensions);
