using NeuralPost.Graphics.OpenGL.Native;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>
/// A window's default framebuffer as a render target, so presenting is an ordinary blit and the back buffer can
/// be cleared, drawn into and read back like any target. Its size follows the window.
/// </summary>
internal sealed unsafe class GlBackBuffer : IGlFramebuffer
{
    private readonly Glfw _glfw;
    private readonly nint _window;

    public GlBackBuffer(Glfw glfw, nint window)
    {
        _glfw = glfw;
        _window = window;
    }

    public uint FramebufferId => 0;

    public bool HasDepthBuffer => true;

    public int Width => Size().Width;

    public int Height => Size().Height;

    public TextureFormat Format => TextureFormat.Rgba8;

    public void Dispose()
    {
        // The window owns the default framebuffer.
    }

    private (int Width, int Height) Size()
    {
        int width, height;
        _glfw.GetFramebufferSize(_window, &width, &height);
        return (width, height);
    }
}
