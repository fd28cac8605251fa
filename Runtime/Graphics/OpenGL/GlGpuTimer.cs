using NeuralPost.Graphics.OpenGL.Native;
using static NeuralPost.Graphics.OpenGL.Native.GlConstants;

namespace NeuralPost.Graphics.OpenGL;

/// <summary>A <c>GL_TIME_ELAPSED</c> query.</summary>
internal sealed unsafe class GlGpuTimer : GlResource, IGpuTimer
{
    private readonly GlFunctions _gl;
    private bool _running;
    private bool _ended;

    public GlGpuTimer(GlDevice device)
        : base(device)
    {
        _gl = device.Gl;
        uint id;
        _gl.CreateQueries(GL_TIME_ELAPSED, 1, &id);
        Id = id;
        device.CheckError("creating a timer query");
    }

    public uint Id { get; }

    public void Begin()
    {
        ThrowIfDisposed();
        if (_running)
        {
            throw new InvalidOperationException("The timer is already running.");
        }

        _gl.BeginQuery(GL_TIME_ELAPSED, Id);
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

        _gl.EndQuery(GL_TIME_ELAPSED);
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

        int available;
        _gl.GetQueryObjectiv(Id, GL_QUERY_RESULT_AVAILABLE, &available);
        if (available == 0)
        {
            return false;
        }

        ulong nanoseconds;
        _gl.GetQueryObjectui64v(Id, GL_QUERY_RESULT, &nanoseconds);
        milliseconds = nanoseconds / 1e6;
        return true;
    }

    protected override void DeleteObjects()
    {
        if (_running)
        {
            _gl.EndQuery(GL_TIME_ELAPSED);
        }

        var id = Id;
        _gl.DeleteQueries(1, &id);
    }
}
