using System.Diagnostics;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// Wraps the scene renderer to report its cost as the <c>render</c> pass, which the world does not time itself,
/// so the overlay and the CSV show the whole frame's breakdown.
/// </summary>
internal sealed class TimedSceneRenderer(ISceneRenderer inner, IGraphicsDevice device) : ISceneRenderer, IDisposable
{
    public const string PassName = "render";

    private readonly GpuPassTimer _gpu = new(device);

    /// <summary>Where to report; the world's timings, set once the world exists.</summary>
    public PassTimings? Timings { get; set; }

    /// <summary>
    /// Wait for the scene's GPU work before stopping the clock. A real frame never should; the benchmark does, because
    /// a deferred rasteriser (llvmpipe) otherwise bills the scene's draws to the first pass that reads the frame.
    /// </summary>
    public bool DrainAfterRender { get; set; }

    public void Render(Camera camera, IRenderTarget target, FrameTime time)
    {
        var start = Stopwatch.GetTimestamp();
        _gpu.Begin();
        inner.Render(camera, target, time);
        _gpu.End();
        if (DrainAfterRender)
        {
            device.Finish();
        }

        Timings?.Report(PassName, Stopwatch.GetElapsedTime(start).TotalMilliseconds, _gpu.LatestMilliseconds);
    }

    public void Dispose() => _gpu.Dispose();
}
