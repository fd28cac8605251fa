using System.Buffers;
using System.Runtime.InteropServices;

namespace NeuralPost.Onnx;

// The SafeHandle family for native ORT objects. Each kind only differs in the Release function it calls, so
// they share this file. SafeHandle gives ref counting (a call in flight keeps the object alive even if another
// thread disposes the wrapper) and a critical finalizer for wrappers that are never disposed.

/// <summary>Base of every owning ORT handle: invalid when null, released through the library's function table.</summary>
internal abstract class OrtHandle : SafeHandle
{
    private readonly SafeHandle? _dependency;

    /// <param name="api">Table holding the Release function.</param>
    /// <param name="handle">The native object now owned.</param>
    /// <param name="dependency">
    /// A handle the native object refers to internally (a session's environment, a binding's session). A reference
    /// on it is held until this object is released, so ORT never sees its dependency freed first.
    /// </param>
    protected OrtHandle(OrtApi api, nint handle, SafeHandle? dependency = null) : base(0, ownsHandle: true)
    {
        Api = api;
        if (dependency is not null)
        {
            var added = false;
            dependency.DangerousAddRef(ref added);
            _dependency = dependency;
        }

        SetHandle(handle);
    }

    /// <summary>The table the Release function is read from.</summary>
    protected OrtApi Api { get; }

    public override bool IsInvalid => handle == 0;

    protected sealed override bool ReleaseHandle()
    {
        Release(handle);
        _dependency?.DangerousRelease();
        // Zeroed so a released handle also reads as invalid in diagnostics and tests.
        SetHandle(0);
        return true;
    }

    /// <summary>Calls the matching native ReleaseX.</summary>
    protected abstract void Release(nint native);
}

/// <summary>
/// Owns an <c>OrtEnv</c> and the handle of its .NET logger. Sessions take a reference on this handle, so the
/// native environment and the logger it calls outlive every session created in it.
/// </summary>
internal sealed unsafe class OrtEnvHandle(OrtApi api, nint handle, GCHandle logger) : OrtHandle(api, handle)
{
    protected override void Release(nint native)
    {
        Api.ReleaseEnv(native);
        OrtLogBridge.EnvironmentReleased(logger);
    }
}

/// <summary>Owns an <c>OrtSessionOptions</c>.</summary>
internal sealed unsafe class OrtSessionOptionsHandle(OrtApi api, nint handle) : OrtHandle(api, handle)
{
    protected override void Release(nint native) => Api.ReleaseSessionOptions(native);
}

/// <summary>
/// Owns an <c>OrtSession</c> and the native block of its pre-marshalled input/output names, so the names
/// live exactly as long as any call that holds a reference on the session.
/// </summary>
internal sealed unsafe class OrtSessionHandle(OrtApi api, nint handle, OrtEnvHandle environment) : OrtHandle(api, handle, environment)
{
    /// <summary>Native memory holding the session's NUL-terminated UTF-8 names; freed with the session.</summary>
    internal byte* NameBlock { get; set; }

    protected override void Release(nint native)
    {
        Api.ReleaseSession(native);
        NativeMemory.Free(NameBlock);
        NameBlock = null;
    }
}

/// <summary>
/// Owns an <c>OrtValue</c>, and the pin on managed memory when the tensor wraps a .NET buffer: the pin is
/// dropped only after ORT released the value, so ORT never sees memory the GC could move.
/// </summary>
internal sealed unsafe class OrtValueHandle(OrtApi api, nint handle, MemoryHandle pin = default) : OrtHandle(api, handle)
{
    private MemoryHandle _pin = pin;

    protected override void Release(nint native)
    {
        Api.ReleaseValue(native);
        _pin.Dispose();
        _pin = default;
    }
}

/// <summary>Owns an <c>OrtMemoryInfo</c>.</summary>
internal sealed unsafe class OrtMemoryInfoHandle(OrtApi api, nint handle) : OrtHandle(api, handle)
{
    protected override void Release(nint native) => Api.ReleaseMemoryInfo(native);
}

/// <summary>Owns an <c>OrtIoBinding</c>.</summary>
internal sealed unsafe class OrtIoBindingHandle(OrtApi api, nint handle, OrtSessionHandle session) : OrtHandle(api, handle, session)
{
    protected override void Release(nint native) => Api.ReleaseIoBinding(native);
}

/// <summary>Owns an <c>OrtTypeInfo</c> while a session's metadata is read.</summary>
internal sealed unsafe class OrtTypeInfoHandle(OrtApi api, nint handle) : OrtHandle(api, handle)
{
    protected override void Release(nint native) => Api.ReleaseTypeInfo(native);
}

/// <summary>Owns an <c>OrtTensorTypeAndShapeInfo</c> returned for a value.</summary>
internal sealed unsafe class OrtTensorTypeAndShapeInfoHandle(OrtApi api, nint handle) : OrtHandle(api, handle)
{
    protected override void Release(nint native) => Api.ReleaseTensorTypeAndShapeInfo(native);
}
