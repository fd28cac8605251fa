using NeuralPost.Graphics.OpenGL.Native;
using static NeuralPost.Graphics.OpenGL.Native.GlConstants;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>Compiles GLSL stages and links them, turning driver logs into <see cref="ShaderCompilationException"/>.</summary>
internal static unsafe class GlShaderCompiler
{
    /// <summary>Compiles and links the stages into a program name; nothing leaks when a step fails.</summary>
    public static uint Build(GlFunctions gl, string name, ReadOnlySpan<(uint Type, string Stage, string Source)> stages)
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

    private static uint Compile(GlFunctions gl, string name, uint type, string stage, string source)
    {
        var shader = gl.CreateShader(type);
        var text = NativeText.ToNullTerminatedUtf8(source);
        fixed (byte* p = text)
        {
            var pointer = p;
            gl.ShaderSource(shader, 1, &pointer, null);
        }

        gl.CompileShader(shader);
        int status;
        gl.GetShaderiv(shader, GL_COMPILE_STATUS, &status);
        if (status != 0)
        {
            return shader;
        }

        int length;
        gl.GetShaderiv(shader, GL_INFO_LOG_LENGTH, &length);
        var log = new byte[Math.Max(length, 1)];
        fixed (byte* p = log)
        {
            gl.GetShaderInfoLog(shader, log.Length, null, p);
            gl.DeleteShader(shader);
            throw new ShaderCompilationException(name, stage, NativeText.FromUtf8(p));
        }
    }

    private static uint Link(GlFunctions gl, string name, ReadOnlySpan<uint> shaders)
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

        int status;
        gl.GetProgramiv(program, GL_LINK_STATUS, &status);
        if (status != 0)
        {
            return program;
        }

        int length;
        gl.GetProgramiv(program, GL_INFO_LOG_LENGTH, &length);
        var log = new byte[Math.Max(length, 1)];
        fixed (byte* p = log)
        {
            gl.GetProgramInfoLog(program, log.Length, null, p);
            gl.DeleteProgram(program);
            throw new ShaderCompilationException(name, "link", NativeText.FromUtf8(p));
        }
    }
}
