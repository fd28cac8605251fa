using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>
/// Reads GL's error flags. Silk.NET checks nothing after a call, so this is the only place errors surface
/// without a debug context.
/// </summary>
internal static class GlErrors
{
    // GL keeps one sticky flag per error kind; five kinds exist in core, so a few reads drain them all.
    private const int MaxDrained = 8;

    /// <summary>Throws <see cref="GraphicsException"/> naming the operation and every pending error; drains the flags.</summary>
    public static void ThrowIfAny(GL gl, string operation)
    {
        var first = gl.GetError();
        if (first == GLEnum.NoError)
        {
            return;
        }

        var errors = Name(first);
        for (var i = 0; i < MaxDrained; i++)
        {
            var next = gl.GetError();
            if (next == GLEnum.NoError)
            {
                break;
            }

            errors += ", " + Name(next);
        }

        throw new GraphicsException($"OpenGL error while {operation}: {errors}.");
    }

    // Spelled as in the specification rather than Silk's enum names, so messages can be searched for.
    private static string Name(GLEnum error) => error switch
    {
        GLEnum.InvalidEnum => "GL_INVALID_ENUM",
        GLEnum.InvalidValue => "GL_INVALID_VALUE",
        GLEnum.InvalidOperation => "GL_INVALID_OPERATION",
        GLEnum.OutOfMemory => "GL_OUT_OF_MEMORY",
        GLEnum.InvalidFramebufferOperation => "GL_INVALID_FRAMEBUFFER_OPERATION",
        _ => $"0x{(uint)error:X4}",
    };
}
