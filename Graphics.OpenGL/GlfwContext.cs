using NeuralPost.Graphics.OpenGL.Native;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>The context of a GLFW window; the window owns it, so disposing this does nothing.</summary>
internal sealed class GlfwContext : IGlContext
{
    private readonly Glfw _glfw;
    private readonly nint _window;

    public GlfwContext(Glfw glfw, nint window)
    {
        _glfw = glfw;
        _window = window;
    }

    public string Platform => $"GLFW window ({_glfw.LibraryName})";

    public unsafe bool IsCurrent => _glfw.GetCurrentContext() == _window;

    public unsafe void MakeCurrent() => _glfw.MakeContextCurrent(_window);

    public nint GetProcAddress(string name) => _glfw.ProcAddress(name);

    public void Dispose()
    {
    }
}
