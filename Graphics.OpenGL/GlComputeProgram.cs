using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>A program with a single compute stage.</summary>
internal sealed class GlComputeProgram : GlProgram, IComputeProgram
{
    public GlComputeProgram(GlDevice device, string name, string source)
        : base(device, name, [(ShaderType.ComputeShader, "compute", source)])
    {
    }
}
