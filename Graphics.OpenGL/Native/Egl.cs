namespace NeuralPost.Graphics.OpenGL.Native;

/// <summary>
/// The EGL 1.4/1.5 entry points the headless context needs, bound from a library loaded by name so tests
/// can point it at a missing library. Extension functions are fetched through <c>eglGetProcAddress</c>.
/// </summary>
internal sealed unsafe class Egl
{
#pragma warning disable CA1707, IDE1006
    public const int EGL_SUCCESS = 0x3000;
    public const int EGL_NONE = 0x3038;
    public const int EGL_EXTENSIONS = 0x3055;
    public const int EGL_VENDOR = 0x3053;
    public const int EGL_VERSION = 0x3054;
    public const int EGL_SURFACE_TYPE = 0x3033;
    public const int EGL_PBUFFER_BIT = 0x0001;
    public const int EGL_RENDERABLE_TYPE = 0x3040;
    public const int EGL_OPENGL_BIT = 0x0008;
    public const int EGL_WIDTH = 0x3057;
    public const int EGL_HEIGHT = 0x3056;
    public const uint EGL_OPENGL_API = 0x30A2;
    public const int EGL_CONTEXT_MAJOR_VERSION = 0x3098;
    public const int EGL_CONTEXT_MINOR_VERSION = 0x30FB;
    public const int EGL_CONTEXT_OPENGL_PROFILE_MASK = 0x30FD;
    public const int EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT = 0x0001;
    public const int EGL_CONTEXT_OPENGL_DEBUG = 0x31B0;
    public const uint EGL_PLATFORM_DEVICE_EXT = 0x313F;
    public const uint EGL_PLATFORM_SURFACELESS_MESA = 0x31DD;
#pragma warning restore CA1707, IDE1006

    private static readonly Dictionary<string, Egl> Loaded = new(StringComparer.Ordinal);

#pragma warning disable CA1051
    public readonly delegate* unmanaged[Cdecl]<byte*, nint> GetProcAddress;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> GetDisplay;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, int*, uint> Initialize;
    public readonly delegate* unmanaged[Cdecl]<nint, uint> Terminate;
    public readonly delegate* unmanaged[Cdecl]<nint, int, byte*> QueryString;
    public readonly delegate* unmanaged[Cdecl]<uint, uint> BindAPI;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, nint*, int, int*, uint> ChooseConfig;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint, int*, nint> CreateContext;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, uint> DestroyContext;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, nint, nint, uint> MakeCurrent;
    public readonly delegate* unmanaged[Cdecl]<nint> GetCurrentContext;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, int*, nint> CreatePbufferSurface;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, uint> DestroySurface;
    public readonly delegate* unmanaged[Cdecl]<int> GetError;
    public readonly delegate* unmanaged[Cdecl]<uint> ReleaseThread;
#pragma warning restore CA1051

    private Egl(string libraryName, nint library)
    {
        LibraryName = libraryName;
        GetProcAddress = (delegate* unmanaged[Cdecl]<byte*, nint>)Export(library, "eglGetProcAddress");
        GetDisplay = (delegate* unmanaged[Cdecl]<nint, nint>)Export(library, "eglGetDisplay");
        Initialize = (delegate* unmanaged[Cdecl]<nint, int*, int*, uint>)Export(library, "eglInitialize");
        Terminate = (delegate* unmanaged[Cdecl]<nint, uint>)Export(library, "eglTerminate");
        QueryString = (delegate* unmanaged[Cdecl]<nint, int, byte*>)Export(library, "eglQueryString");
        BindAPI = (delegate* unmanaged[Cdecl]<uint, uint>)Export(library, "eglBindAPI");
        ChooseConfig = (delegate* unmanaged[Cdecl]<nint, int*, nint*, int, int*, uint>)Export(library, "eglChooseConfig");
        CreateContext = (delegate* unmanaged[Cdecl]<nint, nint, nint, int*, nint>)Export(library, "eglCreateContext");
        DestroyContext = (delegate* unmanaged[Cdecl]<nint, nint, uint>)Export(library, "eglDestroyContext");
        MakeCurrent = (delegate* unmanaged[Cdecl]<nint, nint, nint, nint, uint>)Export(library, "eglMakeCurrent");
        GetCurrentContext = (delegate* unmanaged[Cdecl]<nint>)Export(library, "eglGetCurrentContext");
        CreatePbufferSurface = (delegate* unmanaged[Cdecl]<nint, nint, int*, nint>)Export(library, "eglCreatePbufferSurface");
        DestroySurface = (delegate* unmanaged[Cdecl]<nint, nint, uint>)Export(library, "eglDestroySurface");
        GetError = (delegate* unmanaged[Cdecl]<int>)Export(library, "eglGetError");
        ReleaseThread = (delegate* unmanaged[Cdecl]<uint>)Export(library, "eglReleaseThread");
    }

    /// <summary>The library name this binding was loaded from.</summary>
    public string LibraryName { get; }

    /// <summary>Loads (once per process, never unloaded) and binds the named EGL library.</summary>
    /// <exception cref="GraphicsUnavailableException">The library is missing or lacks an EGL 1.4 function.</exception>
    public static Egl Load(string libraryName) => NativeBinding.LoadOnce(
        Loaded, "EGL", libraryName, "install libegl1 and a driver such as libegl-mesa0", library => new Egl(libraryName, library));

    /// <summary>Looks up an extension or core function; zero when unknown.</summary>
    public nint ProcAddress(string name) => NativeBinding.ProcAddress(GetProcAddress, name);

    /// <summary>Reads a string property of a display (or of the client when <paramref name="display"/> is zero).</summary>
    public string QueryText(nint display, int name) => NativeText.FromUtf8(QueryString(display, name));

    /// <summary>The last EGL error as hex, for messages.</summary>
    public string LastError() => $"0x{GetError():X4}";

    private nint Export(nint library, string name) => NativeBinding.Export(library, "EGL", LibraryName, name, string.Empty);
}
