using NeuralPost.Graphics.OpenGL.Native;
using static NeuralPost.Graphics.OpenGL.Native.GlConstants;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>
/// A pair of <c>GL_TIMESTAMP</c> queries. Timestamps rather than one <c>GL_TIME_ELAPSED</c> query because
/// llvmpipe's elapsed query reports 0 for compute (which it runs inside the dispatch call) and an absolute
/// clock value when nothing was drawn, while timestamps are right on it and on NVIDIA, and timers may overlap.
/// </summary>
internal sealed unsafe class GlGpuTimer : GlResource, IGpuTimer
{
    private readonly GlFunctions _gl;
    private readonly uint _begin;
    private readonly uint _end;
    private bool _running;
    private bool _ended;

    public GlGpuTimer(GlDevice device)
        : base(device)
    {
        _gl = device.Gl;
        uint begin, end;
        _gl.CreateQueries(GL_TIMESTAMP, 1, &begin);
        _gl.CreateQueries(GL_TIMESTAMP, 1, &end);
        _begin = begin;
        _end = end;
        device.CheckError("creating timer queries");
    }

    public void Begin()
    {
        ThrowIfDisposed();
        if (_running)
        {
            throw new InvalidOperationException("The timer is already running.");
        }

        _gl.QueryCounter(_begin, GL_TIMESTAMP);
        _running = true;
        _ended = false;
    }

    public void End()
    {
        ThrowIfDisposed();
        if (!_running)
        {
            throw new InvalidOperationException("The timer was not started.");
        }

        _gl.QueryCounter(_end, GL_TIMESTAMP);
        _running = false;
        _ended = true;
    }

    public bool TryGetResult(out double milliseconds)
    {
        ThrowIfDisposed();
        milliseconds = 0;
        if (!_ended)
        {
            return false;
        }

        // The end query completes last, so its availability implies the begin query's.
        int available;
        _gl.GetQueryObjectiv(_end, GL_QUERY_RESULT_AVAILABLE, &available);
        if (available == 0)
        {
            return false;
        }

        ulong begin, end;
        _gl.GetQueryObjectui64v(_begin, GL_QUERY_RESULT, &begin);
        _gl.GetQueryObjectui64v(_end, GL_QUERY_RESULT, &end);
        milliseconds = end >= begin ? (end - begin) / 1e6 : 0;
        return true;
    }

    protected override void DeleteObjects()
    {
        Span<uint> ids = [_begin, _end];
        fixed (uint* p = ids)
        {
            _gl.DeleteQueries(2, p);
        }
    }
}
