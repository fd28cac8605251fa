namespace NeuralPost.Onnx;

/// <summary>An input or output of a model as the session reports it.</summary>
/// <param name="Name">The name used to bind values.</param>
/// <param name="ElementType">Element type; <see cref="TensorElementType.Undefined"/> for non-tensor values.</param>
/// <param name="Shape">Dimensions; -1 where the dimension is dynamic.</param>
/// <param name="SymbolicDimensions">Per dimension, its symbolic name (such as "batch"), or an empty string.</param>
public sealed record NodeInfo(string Name, TensorElementType ElementType, long[] Shape, string[] SymbolicDimensions)
{
    /// <summary>Readable form such as <c>x: Float[batch, 3]</c>.</summary>
    public override string ToString()
    {
        var dims = Shape.Select((d, i) => SymbolicDimensions.Length > i && SymbolicDimensions[i].Length > 0 ? SymbolicDimensions[i]
            : d.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return $"{Name}: {ElementType}[{string.Join(", ", dims)}]";
    }
}
