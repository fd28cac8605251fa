using static NeuralPost.Graphics.OpenGL.Native.GlConstants;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>A program with a vertex and a fragment stage.</summary>
internal sealed class GlGraphicsProgram : GlProgram, IGraphicsProgram
{
    public GlGraphicsProgram(GlDevice device, string name, string vertexSource, string fragmentSource)
        : base(device, name, [(GL_VERTEX_SHADER, "vertex", vertexSource), (GL_FRAGMENT_SHADER, "fragment", fragmentSource)])
    {
    }
}
