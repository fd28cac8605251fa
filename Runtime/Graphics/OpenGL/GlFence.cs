using NeuralPost.Graphics.OpenGL.Native;
using static NeuralPost.Graphics.OpenGL.Native.GlConstants;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>A GL sync object inserted after the commands issued so far.</summary>
internal sealed unsafe class GlFence : GlResource, IFence
{
    private readonly GlFunctions _gl;
    private nint _sync;

    public GlFence(GlDevice device)
        : base(device)
    {
        _gl = device.Gl;
        _sync = _gl.FenceSync(GL_SYNC_GPU_COMMANDS_COMPLETE, 0);
        if (_sync == 0)
        {
            device.CheckError("glFenceSync");
            throw new GraphicsException("glFenceSync returned no sync object.");
        }
    }

    public bool IsSignaled
    {
        get
        {
            ThrowIfDisposed();
            return IsSyncSignaled(_gl, _sync, 0);
        }
    }

    public bool Wait(TimeSpan timeout)
    {
        ThrowIfDisposed();
        var nanoseconds = timeout <= TimeSpan.Zero ? 0UL : (ulong)Math.Min(timeout.Ticks, long.MaxValue / 100) * 100UL;
        return IsSyncSignaled(_gl, _sync, nanoseconds);
    }

    /// <summary>
    /// Polls or waits on a sync object. The flush bit is always passed: without it a fence still queued on the
    /// CPU side would never signal, and flushing an already-flushed queue costs nothing.
    /// </summary>
    internal static bool IsSyncSignaled(GlFunctions gl, nint sync, ulong timeoutNanoseconds)
    {
        var result = gl.ClientWaitSync(sync, GL_SYNC_FLUSH_COMMANDS_BIT, timeoutNanoseconds);
        return result switch
        {
            GL_ALREADY_SIGNALED or GL_CONDITION_SATISFIED => true,
            GL_TIMEOUT_EXPIRED => false,
            _ => throw new GraphicsException($"glClientWaitSync failed (0x{result:X4})."),
        };
    }

    protected override void DeleteObjects()
    {
        _gl.DeleteSync(_sync);
        _sync = 0;
    }
}
