using NeuralPost.Graphics;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// One triangle that covers the viewport, the cheapest way to run a fragment shader over every pixel of a
/// rectangle: the viewport clips it, and the shaders address pixels with <c>gl_FragCoord</c>.
/// </summary>
internal static class FullscreenTriangle
{
    /// <summary>Vertex shader for <see cref="CreateMesh"/>'s layout: clip-space positions at location 0.</summary>
    public const string VertexShader = """
        #version 430
        layout(location = 0) in vec2 position;
        void main() { gl_Position = vec4(position, 0.0, 1.0); }
        """;

    public static IMesh CreateMesh(IGraphicsDevice device) =>
        device.CreateMesh([-1f, -1f, 3f, -1f, -1f, 3f], 2, [0u, 1u, 2u], [new VertexAttribute(0, 2, 0)]);
}
