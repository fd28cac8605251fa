using System.Runtime.InteropServices;

namespace NeuralPost.Tests.Onnx;

/// <summary>Assertions about native handle state.</summary>
internal static class SafeHandleAssert
{
    /// <summary>The handle was released: closed, and zeroed so it also reads as invalid.</summary>
    public static void Released(SafeHandle handle)
    {
        Assert.That(handle.IsClosed, Is.True, $"{handle.GetType().Name} is not closed");
        Assert.That(handle.IsInvalid, Is.True, $"{handle.GetType().Name} still holds a pointer");
    }
}
