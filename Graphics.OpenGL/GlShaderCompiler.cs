using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>Compiles GLSL stages and links them, turning driver logs into <see cref="ShaderCompilationException"/>.</summary>
internal static class GlShaderCompiler
{
    /// <summary>Compiles and links the stages into a program name; nothing leaks when a step fails.</summary>
    public static uint Build(GL gl, string name, ReadOnlySpan<(ShaderType Type, string Stage, string Source)> stages)
    {
        Span<uint> shaders = stackalloc uint[stages.Length];
        var compiled = 0;
        try
        {
            for (; compiled < stages.Length; compiled++)
            {
                shaders[compiled] = Compile(gl, name, stages[compiled].Type, stages[compiled].Stage, stages[compiled].Source);
            }

            return Link(gl, name, shaders);
        }
        finally
        {
            for (var i = 0; i < compiled; i++)
            {
                gl.DeleteShader(shaders[i]);
            }
        }
    }

    // Build time only, so Silk's string-marshalling overloads are fine here.
    private static uint Compile(GL gl, string name, ShaderType type, string stage, string source)
    {
        var shader = gl.CreateShader(type);
        gl.ShaderSource(shader, source);
        gl.CompileShader(shader);
        if (gl.GetShader(shader, ShaderParameterName.CompileStatus) != 0)
        {
            return shader;
        }

        var log = gl.GetShaderInfoLog(shader);
        gl.DeleteShader(shader);
        throw new ShaderCompilationException(name, stage, log);
    }

    private static uint Link(GL gl, string name, ReadOnlySpan<uint> shaders)
    {
        var program = gl.CreateProgram();
        foreach (var shader in shaders)
        {
            gl.AttachShader(program, shader);
        }

        gl.LinkProgram(program);
        foreach (var shader in shaders)
        {
            gl.DetachShader(program, shader);
        }

        if (gl.GetProgram(program, ProgramPropertyARB.LinkStatus) != 0)
        {
            return program;
        }

        var log = gl.GetProgramInfoLog(program);
        gl.DeleteProgram(program);
        throw new ShaderCompilationException(name, "link", log);
    }
}
