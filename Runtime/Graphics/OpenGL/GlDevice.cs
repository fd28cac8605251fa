using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using NeuralPost.Graphics.OpenGL.Native;
using static NeuralPost.Graphics.OpenGL.Native.GlConstants;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>
/// <see cref="IGraphicsDevice"/> on OpenGL 4.5 core (4.3 with direct state access at the least) through EGL
/// (headless) or a GLFW window. Every call must come from the thread the context is current on.
/// </summary>
public sealed unsafe partial class GlDevice : IGraphicsDevice
{
    /// <summary>The EGL library loaded unless the caller names another.</summary>
    public const string DefaultEglLibrary = "libEGL.so.1";

    private readonly IGlContext _context;
    private readonly bool _ownsContext;
    private readonly Action<GraphicsDebugSeverity, string>? _debugLog;
    private GCHandle _self;
    private int _liveResources;

    private GlDevice(IGlContext context, bool ownsContext, Action<GraphicsDebugSeverity, string>? debugLog)
    {
        _context = context;
        _ownsContext = ownsContext;
        _debugLog = debugLog;
        Version = ReadVersion(context);
        if (Version < new Version(4, 3))
        {
            throw new GraphicsUnavailableException($"OpenGL {Version} context through {context.Platform}; compute shaders need OpenGL 4.3 or newer.");
        }

        Gl = new GlFunctions(context.GetProcAddress);
        Vendor = NativeText.FromUtf8(Gl.GetString(GL_VENDOR));
        Renderer = NativeText.FromUtf8(Gl.GetString(GL_RENDERER));
        VersionText = NativeText.FromUtf8(Gl.GetString(GL_VERSION));
        Description = $"{Vendor} {Renderer}, OpenGL {VersionText}";
        Platform = context.Platform;
        if (debugLog != null)
        {
            EnableDebugOutput();
        }

        // Tightly packed rows everywhere: the CPU-side images and tensors never pad rows.
        Gl.PixelStorei(GL_PACK_ALIGNMENT, 1);
        Gl.PixelStorei(GL_UNPACK_ALIGNMENT, 1);
        Gl.DepthFunc(GL_LESS);
        int timerBits;
        Gl.GetQueryiv(GL_TIMESTAMP, GL_QUERY_COUNTER_BITS, &timerBits);
        SupportsTimerQueries = timerBits > 0;
        CheckError("initialising the device");
    }

    /// <inheritdoc/>
    public string Description { get; }

    /// <summary>The <c>GL_VENDOR</c> string.</summary>
    public string Vendor { get; }

    /// <summary>The <c>GL_RENDERER</c> string, e.g. <c>llvmpipe (LLVM 15.0.6, 256 bits)</c>.</summary>
    public string Renderer { get; }

    /// <summary>The <c>GL_VERSION</c> string.</summary>
    public string VersionText { get; }

    /// <summary>The context's OpenGL version (major.minor).</summary>
    public Version Version { get; }

    /// <summary>How the context was obtained, e.g. <c>EGL surfaceless (EGL_MESA_platform_surfaceless), EGL 1.5</c>.</summary>
    public string Platform { get; }

    /// <inheritdoc/>
    public bool SupportsTimerQueries { get; }

    /// <summary>Number of resources created by this device and not yet disposed; zero once everything is released.</summary>
    public int LiveResourceCount => Volatile.Read(ref _liveResources);

    /// <summary>Whether the device has been disposed.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>The bound GL entry points.</summary>
    internal GlFunctions Gl { get; }

    /// <summary>
    /// Creates a device on a headless EGL context (no display or window needed).
    /// </summary>
    /// <param name="eglLibraryName">EGL library to load; tests name a missing one to exercise the failure path.</param>
    /// <param name="debugLog">When given, a debug context is requested and every driver message is passed here.</param>
    /// <exception cref="GraphicsUnavailableException">EGL is missing or no OpenGL 4.3+ core context can be made.</exception>
    public static GlDevice CreateHeadless(string eglLibraryName = DefaultEglLibrary, Action<GraphicsDebugSeverity, string>? debugLog = null)
    {
        var context = GlEglContext.Create(eglLibraryName, debugLog != null);
        try
        {
            return new GlDevice(context, ownsContext: true, debugLog);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    /// <summary>Creates a device on a context the caller keeps alive (a window's).</summary>
    internal static GlDevice CreateOnContext(IGlContext context, Action<GraphicsDebugSeverity, string>? debugLog) =>
        new(context, ownsContext: false, debugLog);

    /// <summary>
    /// Throws <see cref="GraphicsException"/> naming <paramref name="operation"/> when GL has recorded errors.
    /// Called after object creation, not per frame, because reading the error flag can stall a pipelined driver.
    /// </summary>
    public void CheckError(string operation)
    {
        var first = Gl.GetError();
        if (first == GL_NO_ERROR)
        {
            return;
        }

        var errors = ErrorName(first);
        // The flag is a set of sticky flags; drain them all so the next check starts clean.
        for (var i = 0; i < 8; i++)
        {
            var next = Gl.GetError();
            if (next == GL_NO_ERROR)
            {
                break;
            }

            errors += ", " + ErrorName(next);
        }

        throw new GraphicsException($"OpenGL error while {operation}: {errors}.");
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (IsDisposed)
        {
            return;
        }

        if (!_context.IsCurrent)
        {
            _context.MakeCurrent();
        }

        if (_self.IsAllocated)
        {
            Gl.DebugMessageCallback(null, null);
            _self.Free();
        }

        Gl.Finish();
        IsDisposed = true;
        if (_ownsContext)
        {
            _context.Dispose();
        }
    }

    /// <summary>Counts resources in and out.</summary>
    internal void Track(int delta) => Interlocked.Add(ref _liveResources, delta);

    /// <summary>Makes the context current if another thread or context took over, so deletes hit the right context.</summary>
    internal void MakeCurrentForCleanup()
    {
        if (!_context.IsCurrent)
        {
            _context.MakeCurrent();
        }
    }

    /// <summary>Casts a resource to this backend's type, rejecting foreign and disposed ones.</summary>
    internal T Unwrap<T>(object resource)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource is not T typed || (resource is GlResource owned && (owned.Device != this || owned.IsDisposed)))
        {
            throw new ArgumentException($"{resource.GetType().Name} is not a live resource of this OpenGL device.", nameof(resource));
        }

        return typed;
    }

    private static Version ReadVersion(IGlContext context)
    {
        // Only these two calls are bound before the version is known: a 4.5 binding table on an older
        // context would report missing entry points instead of the clearer version message.
        var getIntegerv = (delegate* unmanaged[Cdecl]<uint, int*, void>)context.GetProcAddress("glGetIntegerv");
        var getString = (delegate* unmanaged[Cdecl]<uint, byte*>)context.GetProcAddress("glGetString");
        if (getIntegerv == null || getString == null)
        {
            throw new GraphicsUnavailableException($"glGetIntegerv/glGetString not found through {context.Platform}.");
        }

        int major = 0, minor = 0;
        getIntegerv(GL_MAJOR_VERSION, &major);
        getIntegerv(GL_MINOR_VERSION, &minor);
        if (major == 0)
        {
            // GL_MAJOR_VERSION is 3.0+; older contexts leave it untouched, so parse the string instead.
            var text = NativeText.FromUtf8(getString(GL_VERSION));
            return System.Version.TryParse(text.Split(' ')[0], out var parsed) ? parsed : new Version(1, 0);
        }

        return new Version(major, minor);
    }

    private static string ErrorName(uint error) => error switch
    {
        GL_INVALID_ENUM => "GL_INVALID_ENUM",
        GL_INVALID_VALUE => "GL_INVALID_VALUE",
        GL_INVALID_OPERATION => "GL_INVALID_OPERATION",
        GL_OUT_OF_MEMORY => "GL_OUT_OF_MEMORY",
        GL_INVALID_FRAMEBUFFER_OPERATION => "GL_INVALID_FRAMEBUFFER_OPERATION",
        _ => $"0x{error:X4}",
    };

    private void EnableDebugOutput()
    {
        _self = GCHandle.Alloc(this);
        Gl.Enable(GL_DEBUG_OUTPUT);
        // Synchronous so a message arrives on the calling thread, inside the call that caused it.
        Gl.Enable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
        Gl.DebugMessageCallback(&OnDebugMessage, (void*)GCHandle.ToIntPtr(_self));
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void OnDebugMessage(uint source, uint type, uint id, uint severity, int length, byte* message, void* userParam)
    {
        if (GCHandle.FromIntPtr((nint)userParam).Target is not GlDevice device || device._debugLog is null)
        {
            return;
        }

        var level = severity switch
        {
            GL_DEBUG_SEVERITY_HIGH => GraphicsDebugSeverity.High,
            GL_DEBUG_SEVERITY_MEDIUM => GraphicsDebugSeverity.Medium,
            GL_DEBUG_SEVERITY_LOW => GraphicsDebugSeverity.Low,
            _ => GraphicsDebugSeverity.Notification,
        };
        var text = length >= 0
            ? System.Text.Encoding.UTF8.GetString(message, length)
            : NativeText.FromUtf8(message);
        try
        {
            device._debugLog(level, text);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // An exception must not unwind into the driver; the log is best-effort by nature.
        }
    }
}
