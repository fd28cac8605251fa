using System.Numerics;
using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>
/// A linked program with a per-program cache of uniform locations. Uniforms are set through the
/// <c>glProgramUniform*</c> calls so setting one does not disturb the bound program.
/// </summary>
internal abstract unsafe class GlProgram : GlResource, IShaderProgram
{
    private readonly GL _gl;
    private readonly Dictionary<string, int> _locations = new(StringComparer.Ordinal);

    protected GlProgram(GlDevice device, string name, ReadOnlySpan<(ShaderType Type, string Stage, string Source)> stages)
        : base(device)
    {
        _gl = device.Gl;
        Name = name;
        try
        {
            Id = GlShaderCompiler.Build(_gl, name, stages);
        }
        catch
        {
            Dispose();
            throw;
        }

        device.CheckError($"building program '{name}'");
    }

    public uint Id { get; }

    public string Name { get; }

    public void SetUniform(string name, int value)
    {
        var location = Location(name);
        if (location >= 0)
        {
            _gl.ProgramUniform1(Id, location, value);
        }
    }

    public void SetUniform(string name, float value)
    {
        var location = Location(name);
        if (location >= 0)
        {
            _gl.ProgramUniform1(Id, location, value);
        }
    }

    public void SetUniform(string name, Vector2 value)
    {
        var location = Location(name);
        if (location >= 0)
        {
            _gl.ProgramUniform2(Id, location, value.X, value.Y);
        }
    }

    public void SetUniform(string name, Vector4 value)
    {
        var location = Location(name);
        if (location >= 0)
        {
            _gl.ProgramUniform4(Id, location, value.X, value.Y, value.Z, value.W);
        }
    }

    public void SetUniform(string name, in Matrix4x4 value)
    {
        var location = Location(name);
        if (location >= 0)
        {
            fixed (float* p = &value.M11)
            {
                _gl.ProgramUniformMatrix4(Id, location, 1, false, p);
            }
        }
    }

    protected override void DeleteObjects()
    {
        if (Id != 0)
        {
            _gl.DeleteProgram(Id);
        }
    }

    // The first lookup of a name marshals it once (Silk's string overload); later frames hit the dictionary
    // without allocating.
    private int Location(string name)
    {
        ThrowIfDisposed();
        if (_locations.TryGetValue(name, out var location))
        {
            return location;
        }

        location = _gl.GetUniformLocation(Id, name);

        _locations.Add(name, location);
        return location;
    }
}
