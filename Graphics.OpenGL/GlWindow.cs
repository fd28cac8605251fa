using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NeuralPost.Graphics.OpenGL.Native;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>
/// A GLFW window with an OpenGL 4.3+ core context and a <see cref="GlDevice"/> on it. Create, use and dispose it
/// on one thread (the main thread on platforms that require it). GLFW is initialised with the first window and
/// terminated with the last.
/// </summary>
public sealed unsafe class GlWindow : IDisposable
{
    /// <summary>The GLFW library loaded unless the caller names another.</summary>
    public const string DefaultGlfwLibrary = "libglfw.so.3";

    // Key callbacks arrive with the native window handle only; this maps it back without allocating.
    private static readonly Dictionary<nint, GlWindow> Windows = [];

    private readonly Glfw _glfw;
    private nint _window;

    private GlWindow(Glfw glfw, nint window, Action<GraphicsDebugSeverity, string>? debugLog)
    {
        _glfw = glfw;
        _window = window;
        BackBuffer = new GlBackBuffer(glfw, window);
        Device = GlDevice.CreateOnContext(new GlfwContext(glfw, window), debugLog);
    }

    /// <summary>Raised from <see cref="PollEvents"/> when one of the <see cref="WindowKey"/> keys is pressed (not on repeat).</summary>
    public event Action<WindowKey>? KeyPressed;

    /// <summary>The device on the window's context.</summary>
    public GlDevice Device { get; }

    /// <summary>The window's back buffer as a render target (size follows the window); present by blitting into it.</summary>
    public IRenderTarget BackBuffer { get; }

    /// <summary>The GLFW window, zero once disposed.</summary>
    internal nint Handle => _window;

    /// <summary>Whether the user asked to close the window (or <see cref="ShouldClose"/> was set).</summary>
    public bool ShouldClose
    {
        get => _window == 0 || _glfw.WindowShouldClose(_window) != 0;
        set
        {
            if (_window != 0)
            {
                _glfw.SetWindowShouldClose(_window, value ? Glfw.GLFW_TRUE : Glfw.GLFW_FALSE);
            }
        }
    }

    /// <summary>
    /// Opens a window with an OpenGL 4.3+ core context, current on the calling thread.
    /// </summary>
    /// <param name="width">Client width in screen coordinates.</param>
    /// <param name="height">Client height in screen coordinates.</param>
    /// <param name="title">Window title.</param>
    /// <param name="visible">False for an off-screen window (tests, capture).</param>
    /// <param name="vsync">Whether swaps wait for the display's vertical blank.</param>
    /// <param name="glfwLibraryName">GLFW library to load.</param>
    /// <param name="debugLog">When given, a debug context is requested and driver messages are passed here.</param>
    /// <exception cref="GraphicsUnavailableException">GLFW is missing, there is no display, or no 4.3 core context.</exception>
    public static GlWindow Create(int width, int height, string title, bool visible = true, bool vsync = true,
        string glfwLibraryName = DefaultGlfwLibrary, Action<GraphicsDebugSeverity, string>? debugLog = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentNullException.ThrowIfNull(title);
        var glfw = Glfw.Load(glfwLibraryName);
        lock (Windows)
        {
            if (Windows.Count == 0 && glfw.Init() == 0)
            {
                throw new GraphicsUnavailableException($"glfwInit failed: {glfw.LastError()}.");
            }

            nint window;
            try
            {
                window = OpenWindow(glfw, width, height, title, visible, debugLog != null);
            }
            catch
            {
                TerminateIfLast(glfw);
                throw;
            }

            glfw.MakeContextCurrent(window);
            glfw.SwapInterval(vsync ? 1 : 0);
            GlWindow created;
            try
            {
                created = new GlWindow(glfw, window, debugLog);
            }
            catch
            {
                glfw.DestroyWindow(window);
                TerminateIfLast(glfw);
                throw;
            }

            Windows.Add(window, created);
            glfw.SetKeyCallback(window, &OnKey);
            return created;
        }
    }

    /// <summary>Processes pending window events, raising <see cref="KeyPressed"/>.</summary>
    public void PollEvents() => _glfw.PollEvents();

    /// <summary>Shows the back buffer.</summary>
    public void SwapBuffers()
    {
        ObjectDisposedException.ThrowIf(_window == 0, this);
        _glfw.SwapBuffers(_window);
    }

    /// <summary>Blits <paramref name="source"/> over the whole back buffer and swaps.</summary>
    public void Present(IRenderTarget source, BlitFilter filter = BlitFilter.Linear)
    {
        Device.Blit(source, BackBuffer, filter);
        SwapBuffers();
    }

    /// <summary>Whether <paramref name="key"/> is held down now.</summary>
    public bool IsKeyDown(WindowKey key) => _window != 0 && _glfw.GetKey(_window, ToGlfw(key)) == Glfw.GLFW_PRESS;

    /// <summary>Disposes the device, destroys the window and terminates GLFW after the last window.</summary>
    public void Dispose()
    {
        if (_window == 0)
        {
            return;
        }

        Device.Dispose();
        lock (Windows)
        {
            Windows.Remove(_window);
            _glfw.DestroyWindow(_window);
            _window = 0;
            TerminateIfLast(_glfw);
        }
    }

    private static nint OpenWindow(Glfw glfw, int width, int height, string title, bool visible, bool debug)
    {
        glfw.DefaultWindowHints();
        glfw.WindowHint(Glfw.GLFW_CLIENT_API, Glfw.GLFW_OPENGL_API);
        glfw.WindowHint(Glfw.GLFW_CONTEXT_VERSION_MAJOR, 4);
        glfw.WindowHint(Glfw.GLFW_CONTEXT_VERSION_MINOR, 3);
        glfw.WindowHint(Glfw.GLFW_OPENGL_PROFILE, Glfw.GLFW_OPENGL_CORE_PROFILE);
        glfw.WindowHint(Glfw.GLFW_OPENGL_FORWARD_COMPAT, Glfw.GLFW_TRUE);
        glfw.WindowHint(Glfw.GLFW_OPENGL_DEBUG_CONTEXT, debug ? Glfw.GLFW_TRUE : Glfw.GLFW_FALSE);
        glfw.WindowHint(Glfw.GLFW_VISIBLE, visible ? Glfw.GLFW_TRUE : Glfw.GLFW_FALSE);
        var titleBytes = NativeText.ToNullTerminatedUtf8(title);
        nint window;
        fixed (byte* p = titleBytes)
        {
            window = glfw.CreateWindow(width, height, p, 0, 0);
        }

        return window != 0
            ? window
            : throw new GraphicsUnavailableException($"glfwCreateWindow for an OpenGL 4.3 core context failed: {glfw.LastError()}.");
    }

    private static void TerminateIfLast(Glfw glfw)
    {
        if (Windows.Count == 0)
        {
            glfw.Terminate();
        }
    }

    private static int ToGlfw(WindowKey key) => key switch
    {
        >= WindowKey.Digit1 and <= WindowKey.Digit5 => Glfw.GLFW_KEY_1 + (key - WindowKey.Digit1),
        WindowKey.H => Glfw.GLFW_KEY_H,
        WindowKey.Space => Glfw.GLFW_KEY_SPACE,
        WindowKey.F12 => Glfw.GLFW_KEY_F12,
        WindowKey.Escape => Glfw.GLFW_KEY_ESCAPE,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key, "Unknown key."),
    };

    private static WindowKey? FromGlfw(int key) => key switch
    {
        >= Glfw.GLFW_KEY_1 and <= Glfw.GLFW_KEY_1 + 4 => WindowKey.Digit1 + (key - Glfw.GLFW_KEY_1),
        Glfw.GLFW_KEY_H => WindowKey.H,
        Glfw.GLFW_KEY_SPACE => WindowKey.Space,
        Glfw.GLFW_KEY_F12 => WindowKey.F12,
        Glfw.GLFW_KEY_ESCAPE => WindowKey.Escape,
        _ => null,
    };

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnKey(nint window, int key, int scancode, int action, int mods)
    {
        if (action != Glfw.GLFW_PRESS || FromGlfw(key) is not { } mapped)
        {
            return;
        }

        GlWindow? target;
        lock (Windows)
        {
            Windows.TryGetValue(window, out target);
        }

        try
        {
            target?.KeyPressed?.Invoke(mapped);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Exceptions cannot cross into GLFW; handlers are expected to handle their own failures.
        }
    }
}
