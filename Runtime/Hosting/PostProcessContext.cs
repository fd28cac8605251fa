namespace NeuralPost.Hosting;

/// <summary>
/// What a pass may use besides its source and destination. The host reuses one instance for every pass, so a
/// pass must not keep it beyond the call.
/// </summary>
public sealed class PostProcessContext
{
    private Camera _camera;

    /// <summary>Creates a context; the host makes its own, tests and tools make one to drive a pass directly.</summary>
    public PostProcessContext(Camera camera, FrameTime time, IFrameCopier copier, PassTimings timings)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(copier);
        ArgumentNullException.ThrowIfNull(timings);
        _camera = camera;
        Time = time;
        Copier = copier;
        Timings = timings;
    }

    /// <summary>The camera whose image is being processed.</summary>
    public Camera Camera => _camera;

    /// <summary>The frame being rendered.</summary>
    public FrameTime Time { get; private set; }

    /// <summary>Resampling copies, for passes that resize or need a scratch copy.</summary>
    public IFrameCopier Copier { get; }

    /// <summary>Where passes report their CPU and GPU milliseconds for this frame.</summary>
    public PassTimings Timings { get; }

    internal void Reset(Camera camera, FrameTime time)
    {
        _camera = camera;
        Time = time;
    }
}
