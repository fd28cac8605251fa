using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>A GL sync object inserted after the commands issued so far.</summary>
internal sealed class GlFence : GlResource, IFence
{
    private readonly GL _gl;
    private nint _sync;

    public GlFence(GlDevice device)
        : base(device)
    {
        _gl = device.Gl;
        _sync = _gl.FenceSync(SyncCondition.SyncGpuCommandsComplete, SyncBehaviorFlags.None);
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
    internal static bool IsSyncSignaled(GL gl, nint sync, ulong timeoutNanoseconds)
    {
        var result = gl.ClientWaitSync(sync, SyncObjectMask.Bit, timeoutNanoseconds);
        return result switch
        {
            GLEnum.AlreadySignaled or GLEnum.ConditionSatisfied => true,
            GLEnum.TimeoutExpired => false,
            _ => throw new GraphicsException($"glClientWaitSync failed (0x{(uint)result:X4})."),
        };
    }

    protected override void DeleteObjects()
    {
        _gl.DeleteSync(_sync);
        _sync = 0;
    }
}
