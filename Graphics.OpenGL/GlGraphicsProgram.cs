using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>A program with a vertex and a fragment stage.</summary>
internal sealed class GlGraphicsProgram : GlProgram, IGraphicsProgram
{
    public GlGraphicsProgram(GlDevice device, string name, string vertexSource, string fragmentSource)
        : base(device, name, [(ShaderType.VertexShader, "vertex", vertexSource), (ShaderType.FragmentShader, "fragment", fragmentSource)])
    {
    }
}
