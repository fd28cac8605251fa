using Silk.NET.OpenGL;

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
    private readonly GlDebugOutput? _debugOutput;
    private int _liveResources;

    private GlDevice(IGlContext context, bool ownsContext, Action<GraphicsDebugSeverity, string>? debugLog)
    {
        _context = context;
        _ownsContext = ownsContext;
        Platform = context.Platform;
        // Silk resolves each entry point lazily through this loader, so the GL object belongs to this context:
        // a function pointer from one context is not promised to work on another.
        Gl = GL.GetApi(context.GetProcAddress);
        try
        {
            Version = GlCapabilities.RequireCompute(Gl, context.Platform);
            Vendor = GlCapabilities.Text(Gl, StringName.Vendor);
            Renderer = GlCapabilities.Text(Gl, StringName.Renderer);
            VersionText = GlCapabilities.Text(Gl, StringName.Version);
            Description = $"{Vendor} {Renderer}, OpenGL {VersionText}";
            if (debugLog != null)
            {
                _debugOutput = new GlDebugOutput(Gl, debugLog);
            }

            // Tightly packed rows everywhere: the CPU-side images and tensors never pad rows.
            Gl.PixelStore(PixelStoreParameter.PackAlignment, 1);
            Gl.PixelStore(PixelStoreParameter.UnpackAlignment, 1);
            Gl.DepthFunc(DepthFunction.Less);
            SupportsTimerQueries = Gl.GetQuery(GLEnum.Timestamp, QueryParameterName.QueryCounterBits) > 0;
            CheckError("initialising the device");
        }
        catch
        {
            Gl.Dispose();
            throw;
        }
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

    /// <summary>The context's GL entry points (Silk.NET), valid while the device is alive.</summary>
    internal GL Gl { get; }

    /// <summary>
    /// Creates a device on a headless EGL context (no display or window needed).
    /// </summary>
    /// <param name="eglLibraryName">EGL library to load; tests name a missing one to exercise the failure path.</param>
    /// <param name="debugLog">When given, a debug context is requested and every driver message is passed here.</param>
    /// <exception cref="GraphicsUnavailableException">EGL is missing or no OpenGL 4.3+ core context with direct
    /// state access can be made.</exception>
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

    /// <summary>Creates a device on a context the caller keeps alive (a window's); the context must be current.</summary>
    internal static GlDevice CreateOnContext(IGlContext context, Action<GraphicsDebugSeverity, string>? debugLog) =>
        new(context, ownsContext: false, debugLog);

    /// <summary>
    /// Throws <see cref="GraphicsException"/> naming <paramref name="operation"/> when GL has recorded errors.
    /// Called after object creation, not per frame, because reading the error flag can stall a pipelined driver.
    /// </summary>
    /// <param name="operation">What was being done, for the message (e.g. "creating a texture").</param>
    /// <exception cref="GraphicsException">GL recorded one or more errors since the last check.</exception>
    public void CheckError(string operation) => GlErrors.ThrowIfAny(Gl, operation);

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

        _debugOutput?.Dispose();
        Gl.Finish();
        Gl.Dispose();
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
}
