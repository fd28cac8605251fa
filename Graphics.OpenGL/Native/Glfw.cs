namespace NeuralPost.Graphics.OpenGL.Native;

/// <summary>The GLFW 3.3 entry points the window needs, bound from <c>libglfw.so.3</c> (or a named library).</summary>
internal sealed unsafe class Glfw
{
#pragma warning disable CA1707, IDE1006
    public const int GLFW_TRUE = 1;
    public const int GLFW_FALSE = 0;
    public const int GLFW_PRESS = 1;
    public const int GLFW_RELEASE = 0;
    public const int GLFW_VISIBLE = 0x00020004;
    public const int GLFW_CLIENT_API = 0x00022001;
    public const int GLFW_CONTEXT_VERSION_MAJOR = 0x00022002;
    public const int GLFW_CONTEXT_VERSION_MINOR = 0x00022003;
    public const int GLFW_OPENGL_FORWARD_COMPAT = 0x00022006;
    public const int GLFW_OPENGL_DEBUG_CONTEXT = 0x00022007;
    public const int GLFW_OPENGL_PROFILE = 0x00022008;
    public const int GLFW_OPENGL_API = 0x00030001;
    public const int GLFW_OPENGL_CORE_PROFILE = 0x00032001;
    public const int GLFW_KEY_SPACE = 32;
    public const int GLFW_KEY_1 = 49;
    public const int GLFW_KEY_H = 72;
    public const int GLFW_KEY_ESCAPE = 256;
    public const int GLFW_KEY_F12 = 301;
#pragma warning restore CA1707, IDE1006

    private static readonly Dictionary<string, Glfw> Loaded = new(StringComparer.Ordinal);

#pragma warning disable CA1051
    public readonly delegate* unmanaged[Cdecl]<int> Init;
    public readonly delegate* unmanaged[Cdecl]<void> Terminate;
    public readonly delegate* unmanaged[Cdecl]<byte**, int> GetError;
    public readonly delegate* unmanaged[Cdecl]<void> DefaultWindowHints;
    public readonly delegate* unmanaged[Cdecl]<int, int, void> WindowHint;
    public readonly delegate* unmanaged[Cdecl]<int, int, byte*, nint, nint, nint> CreateWindow;
    public readonly delegate* unmanaged[Cdecl]<nint, void> DestroyWindow;
    public readonly delegate* unmanaged[Cdecl]<nint, void> MakeContextCurrent;
    public readonly delegate* unmanaged[Cdecl]<nint> GetCurrentContext;
    public readonly delegate* unmanaged[Cdecl]<byte*, nint> GetProcAddress;
    public readonly delegate* unmanaged[Cdecl]<nint, void> SwapBuffers;
    public readonly delegate* unmanaged[Cdecl]<int, void> SwapInterval;
    public readonly delegate* unmanaged[Cdecl]<void> PollEvents;
    public readonly delegate* unmanaged[Cdecl]<nint, int> WindowShouldClose;
    public readonly delegate* unmanaged[Cdecl]<nint, int, void> SetWindowShouldClose;
    public readonly delegate* unmanaged[Cdecl]<nint, int, int> GetKey;
    public readonly delegate* unmanaged[Cdecl]<nint, delegate* unmanaged[Cdecl]<nint, int, int, int, int, void>, nint> SetKeyCallback;
    public readonly delegate* unmanaged[Cdecl]<nint, nint, void> SetWindowUserPointer;
    public readonly delegate* unmanaged[Cdecl]<nint, nint> GetWindowUserPointer;
    public readonly delegate* unmanaged[Cdecl]<nint, int*, int*, void> GetFramebufferSize;
#pragma warning restore CA1051

    private Glfw(string libraryName, nint library)
    {
        LibraryName = libraryName;
        Init = (delegate* unmanaged[Cdecl]<int>)Export(library, "glfwInit");
        Terminate = (delegate* unmanaged[Cdecl]<void>)Export(library, "glfwTerminate");
        GetError = (delegate* unmanaged[Cdecl]<byte**, int>)Export(library, "glfwGetError");
        DefaultWindowHints = (delegate* unmanaged[Cdecl]<void>)Export(library, "glfwDefaultWindowHints");
        WindowHint = (delegate* unmanaged[Cdecl]<int, int, void>)Export(library, "glfwWindowHint");
        CreateWindow = (delegate* unmanaged[Cdecl]<int, int, byte*, nint, nint, nint>)Export(library, "glfwCreateWindow");
        DestroyWindow = (delegate* unmanaged[Cdecl]<nint, void>)Export(library, "glfwDestroyWindow");
        MakeContextCurrent = (delegate* unmanaged[Cdecl]<nint, void>)Export(library, "glfwMakeContextCurrent");
        GetCurrentContext = (delegate* unmanaged[Cdecl]<nint>)Export(library, "glfwGetCurrentContext");
        GetProcAddress = (delegate* unmanaged[Cdecl]<byte*, nint>)Export(library, "glfwGetProcAddress");
        SwapBuffers = (delegate* unmanaged[Cdecl]<nint, void>)Export(library, "glfwSwapBuffers");
        SwapInterval = (delegate* unmanaged[Cdecl]<int, void>)Export(library, "glfwSwapInterval");
        PollEvents = (delegate* unmanaged[Cdecl]<void>)Export(library, "glfwPollEvents");
        WindowShouldClose = (delegate* unmanaged[Cdecl]<nint, int>)Export(library, "glfwWindowShouldClose");
        SetWindowShouldClose = (delegate* unmanaged[Cdecl]<nint, int, void>)Export(library, "glfwSetWindowShouldClose");
        GetKey = (delegate* unmanaged[Cdecl]<nint, int, int>)Export(library, "glfwGetKey");
        SetKeyCallback = (delegate* unmanaged[Cdecl]<nint, delegate* unmanaged[Cdecl]<nint, int, int, int, int, void>, nint>)Export(library, "glfwSetKeyCallback");
        SetWindowUserPointer = (delegate* unmanaged[Cdecl]<nint, nint, void>)Export(library, "glfwSetWindowUserPointer");
        GetWindowUserPointer = (delegate* unmanaged[Cdecl]<nint, nint>)Export(library, "glfwGetWindowUserPointer");
        GetFramebufferSize = (delegate* unmanaged[Cdecl]<nint, int*, int*, void>)Export(library, "glfwGetFramebufferSize");
    }

    /// <summary>The library name this binding was loaded from.</summary>
    public string LibraryName { get; }

    /// <summary>Loads (once per process, never unloaded) and binds the named GLFW library.</summary>
    /// <exception cref="GraphicsUnavailableException">The library is missing or older than GLFW 3.3.</exception>
    public static Glfw Load(string libraryName) =>
        NativeBinding.LoadOnce(Loaded, "GLFW", libraryName, "install libglfw3", library => new Glfw(libraryName, library));

    /// <summary>The description of GLFW's last error, or "no error reported".</summary>
    public string LastError()
    {
        byte* description = null;
        var code = GetError(&description);
        return code == 0 ? "no error reported" : $"0x{code:X5} {NativeText.FromUtf8(description)}";
    }

    /// <summary>Looks up a GL function for the current context.</summary>
    public nint ProcAddress(string name) => NativeBinding.ProcAddress(GetProcAddress, name);

    private nint Export(nint library, string name) =>
        NativeBinding.Export(library, "GLFW", LibraryName, name, " (GLFW 3.3 or newer is needed)");
}
