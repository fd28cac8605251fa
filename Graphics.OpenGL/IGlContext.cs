namespace NeuralPost.Graphics.OpenGL;

/// <summary>An OpenGL context from some window system (EGL, GLFW) as the device needs it.</summary>
internal interface IGlContext : IDisposable
{
    /// <summary>How the context was made, e.g. <c>EGL surfaceless (EGL_MESA_platform_surfaceless)</c>.</summary>
    string Platform { get; }

    /// <summary>Whether this context is current on the calling thread.</summary>
    bool IsCurrent { get; }

    /// <summary>Makes this context current on the calling thread.</summary>
    void MakeCurrent();

    /// <summary>Resolves a GL function for this context; zero when unknown.</summary>
    nint GetProcAddress(string name);
}
