using System.Numerics;

namespace NeuralPost.Graphics;

/// <summary>
/// A linked GPU program and its uniforms. Uniform names are resolved once and cached, so setting a uniform by
/// name every frame does not allocate; names the program does not use are ignored, as GL does.
/// </summary>
public interface IShaderProgram : IDisposable
{
    /// <summary>The name given at creation, used in error messages.</summary>
    string Name { get; }

    /// <summary>Sets an <c>int</c> (or sampler/image unit) uniform.</summary>
    void SetUniform(string name, int value);

    /// <summary>Sets a <c>float</c> uniform.</summary>
    void SetUniform(string name, float value);

    /// <summary>Sets a <c>vec2</c> uniform.</summary>
    void SetUniform(string name, Vector2 value);

    /// <summary>Sets a <c>vec4</c> uniform.</summary>
    void SetUniform(string name, Vector4 value);

    /// <summary>
    /// Sets a <c>mat4</c> uniform. The row-vector <see cref="Matrix4x4"/> is stored as is, which GLSL reads as its
    /// transpose, so <c>m * v</c> in the shader applies the same transform as <c>Vector4.Transform(v, m)</c>.
    /// </summary>
    void SetUniform(string name, in Matrix4x4 value);
}
