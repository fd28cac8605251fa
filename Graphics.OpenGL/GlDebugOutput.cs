using System.Runtime.InteropServices;
using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>
/// Routes a debug context's driver messages to a log. The callback is a managed delegate (Silk's
/// <see cref="DebugProc"/>) and GL keeps only its native thunk: Silk pins the delegate until the next
/// <c>glDebugMessageCallback</c> on the same GL object, and this field owns it as well, so it outlives every call.
/// Disposing registers null, which also releases Silk's pin.
/// </summary>
internal sealed class GlDebugOutput : IDisposable
{
    private readonly GL _gl;
    private readonly Action<GraphicsDebugSeverity, string> _log;
    private readonly DebugProc _callback;
    private bool _disposed;

    public GlDebugOutput(GL gl, Action<GraphicsDebugSeverity, string> log)
    {
        _gl = gl;
        _log = log;
        _callback = OnMessage;
        gl.Enable(EnableCap.DebugOutput);
        // Synchronous so a message arrives on the calling thread, inside the call that caused it.
        gl.Enable(EnableCap.DebugOutputSynchronous);
        unsafe
        {
            gl.DebugMessageCallback(_callback, null);
        }
    }

    /// <summary>Stops the messages; the context must be current.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _gl.Disable(EnableCap.DebugOutput);
        unsafe
        {
            _gl.DebugMessageCallback(null, null);
        }
    }

    private static GraphicsDebugSeverity Level(GLEnum severity) => severity switch
    {
        GLEnum.DebugSeverityHigh => GraphicsDebugSeverity.High,
        GLEnum.DebugSeverityMedium => GraphicsDebugSeverity.Medium,
        GLEnum.DebugSeverityLow => GraphicsDebugSeverity.Low,
        _ => GraphicsDebugSeverity.Notification,
    };

    private void OnMessage(GLEnum source, GLEnum type, int id, GLEnum severity, int length, nint message, nint userParam)
    {
        var text = length >= 0 ? Marshal.PtrToStringUTF8(message, length) : Marshal.PtrToStringUTF8(message) ?? string.Empty;
        try
        {
            _log(Level(severity), text);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // An exception must not unwind into the driver; the log is best-effort by nature.
        }
    }
}
