namespace NeuralPost.Graphics;

/// <summary>
/// One float vector attribute of an interleaved vertex: the shader input <paramref name="Location"/> reads
/// <paramref name="Components"/> floats starting <paramref name="OffsetInFloats"/> floats into each vertex.
/// </summary>
/// <param name="Location">Shader input location (<c>layout(location = N)</c>).</param>
/// <param name="Components">Number of floats, 1 to 4.</param>
/// <param name="OffsetInFloats">Offset of the first float from the start of the vertex.</param>
public readonly record struct VertexAttribute(int Location, int Components, int OffsetInFloats);
