using System.Runtime.InteropServices;

namespace NeuralPost.Onnx;

/// <summary>
/// Holds a reference on a <see cref="SafeHandle"/> for the length of a native call, so a concurrent Dispose
/// cannot free the object mid-call; a disposed handle throws <see cref="ObjectDisposedException"/>.
/// </summary>
internal readonly ref struct HandleUse
{
    private readonly SafeHandle _handle;

    /// <summary>Takes the reference.</summary>
    public HandleUse(SafeHandle handle)
    {
        var added = false;
        handle.DangerousAddRef(ref added);
        _handle = handle;
        Pointer = handle.DangerousGetHandle();
    }

    /// <summary>The native pointer, valid until <see cref="Dispose"/>.</summary>
    public nint Pointer { get; }

    /// <summary>Drops the reference.</summary>
    public void Dispose() => _handle.DangerousRelease();
}
