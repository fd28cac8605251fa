using System.Runtime.InteropServices;
using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>What the backend requires of a context, checked once so a missing feature fails with a clear message.</summary>
internal static unsafe class GlCapabilities
{
    private static readonly Version Compute = new(4, 3);
    private static readonly Version DirectStateAccess = new(4, 5);

    /// <summary>
    /// Returns the context's version, or throws when it lacks compute shaders (4.3) or direct state access (4.5 or
    /// <c>GL_ARB_direct_state_access</c>). Silk binds entry points only when first called, so without this check
    /// a missing one would surface mid-frame as a loader exception instead.
    /// </summary>
    public static Version RequireCompute(GL gl, string platform)
    {
        var version = ReadVersion(gl);
        if (version < Compute)
        {
            throw new GraphicsUnavailableException($"OpenGL {version} context through {platform}; compute shaders need OpenGL 4.3 or newer.");
        }

        if (version < DirectStateAccess && !gl.IsExtensionPresent("GL_ARB_direct_state_access"))
        {
            throw new GraphicsUnavailableException($"OpenGL {version} context through {platform} lacks GL_ARB_direct_state_access (core in 4.5).");
        }

        return version;
    }

    /// <summary>A <c>glGetString</c> value, empty when the driver returns none.</summary>
    public static string Text(GL gl, StringName name) => Marshal.PtrToStringUTF8((nint)gl.GetString(name)) ?? string.Empty;

    private static Version ReadVersion(GL gl)
    {
        var major = gl.GetInteger(GetPName.MajorVersion);
        var minor = gl.GetInteger(GetPName.MinorVersion);
        if (major > 0)
        {
            return new Version(major, minor);
        }

        // GL_MAJOR_VERSION is 3.0+; older contexts raise GL_INVALID_ENUM and leave it 0, so parse the string.
        _ = gl.GetError();
        var text = Text(gl, StringName.Version);
        return System.Version.TryParse(text.Split(' ')[0], out var parsed) ? parsed : new Version(1, 0);
    }
}
