using NeuralPost.Graphics.OpenGL.Native;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>
/// A headless OpenGL core context through EGL. Displays are tried in the order that needs the least from the
/// system: Mesa's surfaceless platform, then the first EGL device (what NVIDIA offers), then the default display.
/// </summary>
internal sealed unsafe class GlEglContext : IGlContext
{
    // EGL displays are per-process singletons, so two devices on one display must not terminate it under each other.
    private static readonly Dictionary<nint, int> DisplayUsers = [];

    private readonly Egl _egl;
    private nint _display;
    private nint _context;
    private nint _surface;

    private GlEglContext(Egl egl, nint display, nint context, nint surface, string platform)
    {
        _egl = egl;
        _display = display;
        _context = context;
        _surface = surface;
        Platform = platform;
    }

    /// <inheritdoc/>
    public string Platform { get; }

    /// <inheritdoc/>
    public bool IsCurrent => _context != 0 && _egl.GetCurrentContext() == _context;

    /// <summary>The EGL display, zero once disposed.</summary>
    internal nint Display => _display;

    /// <summary>The EGL context, zero once disposed.</summary>
    internal nint Handle => _context;

    /// <summary>Creates a context of at least OpenGL 4.3 core and makes it current, or explains why it cannot.</summary>
    public static GlEglContext Create(string libraryName, bool debug)
    {
        var egl = Egl.Load(libraryName);
        var clientExtensions = egl.QueryText(0, Egl.EGL_EXTENSIONS);
        var failures = new List<string>();
        var getPlatformDisplay = (delegate* unmanaged[Cdecl]<uint, nint, int*, nint>)egl.ProcAddress("eglGetPlatformDisplayEXT");

        if (getPlatformDisplay != null && clientExtensions.Contains("EGL_MESA_platform_surfaceless", StringComparison.Ordinal))
        {
            var display = getPlatformDisplay(Egl.EGL_PLATFORM_SURFACELESS_MESA, 0, null);
            var made = TryCreate(egl, display, "EGL surfaceless (EGL_MESA_platform_surfaceless)", debug, failures);
            if (made != null)
            {
                return made;
            }
        }

        if (getPlatformDisplay != null && clientExtensions.Contains("EGL_EXT_platform_device", StringComparison.Ordinal))
        {
            var queryDevices = (delegate* unmanaged[Cdecl]<int, nint*, int*, uint>)egl.ProcAddress("eglQueryDevicesEXT");
            nint device = 0;
            var count = 0;
            if (queryDevices != null && queryDevices(1, &device, &count) != 0 && count > 0)
            {
                var display = getPlatformDisplay(Egl.EGL_PLATFORM_DEVICE_EXT, device, null);
                var made = TryCreate(egl, display, "EGL device (EGL_EXT_platform_device)", debug, failures);
                if (made != null)
                {
                    return made;
                }
            }
            else
            {
                failures.Add("eglQueryDevicesEXT found no device");
            }
        }

        var defaultMade = TryCreate(egl, egl.GetDisplay(0), "EGL default display", debug, failures);
        return defaultMade ?? throw new GraphicsUnavailableException(
            $"No OpenGL 4.3+ core context through {libraryName}: {string.Join("; ", failures)}.");
    }

    /// <inheritdoc/>
    public void MakeCurrent()
    {
        ObjectDisposedException.ThrowIf(_context == 0, this);
        if (_egl.MakeCurrent(_display, _surface, _surface, _context) == 0)
        {
            throw new GraphicsException($"eglMakeCurrent failed with {_egl.LastError()}.");
        }
    }

    /// <inheritdoc/>
    public nint GetProcAddress(string name) => _egl.ProcAddress(name);

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_context == 0)
        {
            return;
        }

        if (IsCurrent)
        {
            _egl.MakeCurrent(_display, 0, 0, 0);
        }

        _egl.DestroyContext(_display, _context);
        if (_surface != 0)
        {
            _egl.DestroySurface(_display, _surface);
        }

        ReleaseDisplay(_egl, _display);
        _egl.ReleaseThread();
        _context = 0;
        _surface = 0;
        _display = 0;
    }

    private static GlEglContext? TryCreate(Egl egl, nint display, string platform, bool debug, List<string> failures)
    {
        if (display == 0)
        {
            failures.Add($"{platform}: no display ({egl.LastError()})");
            return null;
        }

        int major, minor;
        if (egl.Initialize(display, &major, &minor) == 0)
        {
            failures.Add($"{platform}: eglInitialize failed ({egl.LastError()})");
            return null;
        }

        AddDisplayUser(display);
        var context = TryCreateContext(egl, display, platform, debug, failures, out var surface);
        if (context == 0)
        {
            ReleaseDisplay(egl, display);
            return null;
        }

        return new GlEglContext(egl, display, context, surface, $"{platform}, EGL {major}.{minor}");
    }

    private static nint TryCreateContext(Egl egl, nint display, string platform, bool debug, List<string> failures, out nint surface)
    {
        surface = 0;
        if (egl.BindAPI(Egl.EGL_OPENGL_API) == 0)
        {
            failures.Add($"{platform}: eglBindAPI(EGL_OPENGL_API) failed ({egl.LastError()})");
            return 0;
        }

        var displayExtensions = egl.QueryText(display, Egl.EGL_EXTENSIONS);
        var config = ChooseConfig(egl, display);
        if (config == 0 && !displayExtensions.Contains("EGL_KHR_no_config_context", StringComparison.Ordinal))
        {
            failures.Add($"{platform}: eglChooseConfig found no OpenGL config");
            return 0;
        }

        var context = CreateCoreContext(egl, display, config, 5, debug);
        if (context == 0)
        {
            context = CreateCoreContext(egl, display, config, 3, debug);
        }

        if (context == 0)
        {
            failures.Add($"{platform}: eglCreateContext for OpenGL 4.3 core failed ({egl.LastError()})");
            return 0;
        }

        // Without surfaceless contexts a 1x1 pbuffer stands in; the device renders into framebuffer objects anyway.
        if (!displayExtensions.Contains("EGL_KHR_surfaceless_context", StringComparison.Ordinal) && config != 0)
        {
            var attributes = stackalloc int[] { Egl.EGL_WIDTH, 1, Egl.EGL_HEIGHT, 1, Egl.EGL_NONE };
            surface = egl.CreatePbufferSurface(display, config, attributes);
        }

        if (egl.MakeCurrent(display, surface, surface, context) == 0)
        {
            failures.Add($"{platform}: eglMakeCurrent failed ({egl.LastError()})");
            egl.DestroyContext(display, context);
            if (surface != 0)
            {
                egl.DestroySurface(display, surface);
            }

            surface = 0;
            return 0;
        }

        return context;
    }

    private static nint ChooseConfig(Egl egl, nint display)
    {
        var withPbuffer = stackalloc int[]
        {
            Egl.EGL_RENDERABLE_TYPE, Egl.EGL_OPENGL_BIT, Egl.EGL_SURFACE_TYPE, Egl.EGL_PBUFFER_BIT, Egl.EGL_NONE,
        };
        var anySurface = stackalloc int[] { Egl.EGL_RENDERABLE_TYPE, Egl.EGL_OPENGL_BIT, Egl.EGL_NONE };
        nint config = 0;
        var count = 0;
        if (egl.ChooseConfig(display, withPbuffer, &config, 1, &count) != 0 && count > 0)
        {
            return config;
        }

        return egl.ChooseConfig(display, anySurface, &config, 1, &count) != 0 && count > 0 ? config : 0;
    }

    private static nint CreateCoreContext(Egl egl, nint display, nint config, int minor, bool debug)
    {
        var attributes = stackalloc int[]
        {
            Egl.EGL_CONTEXT_MAJOR_VERSION, 4,
            Egl.EGL_CONTEXT_MINOR_VERSION, minor,
            Egl.EGL_CONTEXT_OPENGL_PROFILE_MASK, Egl.EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
            debug ? Egl.EGL_CONTEXT_OPENGL_DEBUG : Egl.EGL_NONE, 1,
            Egl.EGL_NONE,
        };
        return egl.CreateContext(display, config, 0, attributes);
    }

    private static void AddDisplayUser(nint display)
    {
        lock (DisplayUsers)
        {
            DisplayUsers[display] = DisplayUsers.GetValueOrDefault(display) + 1;
        }
    }

    private static void ReleaseDisplay(Egl egl, nint display)
    {
        lock (DisplayUsers)
        {
            var users = DisplayUsers.GetValueOrDefault(display) - 1;
            if (users > 0)
            {
                DisplayUsers[display] = users;
                return;
            }

            DisplayUsers.Remove(display);
            egl.Terminate(display);
        }
    }
}
