using Silk.NET.OpenGL;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>
/// A pair of <c>GL_TIMESTAMP</c> queries. Timestamps rather than one <c>GL_TIME_ELAPSED</c> query because
/// llvmpipe's elapsed query reports 0 for compute (which it runs inside the dispatch call) and an absolute
/// clock value when nothing was drawn, while timestamps are right on it and on NVIDIA, and timers may overlap.
/// </summary>
internal sealed unsafe class GlGpuTimer : GlResource, IGpuTimer
{
    private readonly GL _gl;
    private readonly uint _begin;
    private readonly uint _end;
    private bool _running;
    private bool _ended;

    public GlGpuTimer(GlDevice device)
        : base(device)
    {
        _gl = device.Gl;
        // Silk's QueryTarget group has no Timestamp although glCreateQueries takes it, hence the plain GLEnum.
        _begin = _gl.CreateQuery(GLEnum.Timestamp);
        _end = _gl.CreateQuery(GLEnum.Timestamp);
        device.CheckError("creating timer queries");
    }

    public void Begin()
    {
        ThrowIfDisposed();
        if (_running)
        {
            throw new InvalidOperationException("The timer is already running.");
        }

        _gl.QueryCounter(_begin, QueryCounterTarget.Timestamp);
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

        _gl.QueryCounter(_end, QueryCounterTarget.Timestamp);
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
        _gl.GetQueryObject(_end, QueryObjectParameterName.ResultAvailable, &available);
        if (available == 0)
        {
            return false;
        }

        ulong begin, end;
        _gl.GetQueryObject(_begin, QueryObjectParameterName.Result, &begin);
        _gl.GetQueryObject(_end, QueryObjectParameterName.Result, &end);
        milliseconds = end >= begin ? (end - begin) / 1e6 : 0;
        return true;
    }

    protected override void DeleteObjects()
    {
        _gl.DeleteQueries([_begin, _end]);
    }
}
