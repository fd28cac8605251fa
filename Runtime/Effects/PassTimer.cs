using System.Diagnostics;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Effects;

/// <summary>
/// Times one named stage of a pass: CPU milliseconds from <see cref="Stopwatch.GetTimestamp"/>, and GPU milliseconds
/// from an <see cref="IGpuTimer"/> where the device has timer queries. The GPU figure reported is the previous
/// measurement, read without blocking: while a measurement is still pending the stage is not re-timed (which would
/// discard it) and reports NaN, so the CPU never waits for the GPU to time it.
/// </summary>
internal sealed class PassTimer : IDisposable
{
    private readonly IGpuTimer? _gpu;
    private long _start;
    private bool _timing;
    private bool _pending;
    private double _lastGpuMilliseconds = double.NaN;

    public PassTimer(string name, IGraphicsDevice? device)
    {
        Name = name;
        _gpu = device is { SupportsTimerQueries: true } ? device.CreateTimer() : null;
    }

    /// <summary>The name timings are reported under.</summary>
    public string Name { get; }

    /// <summary>Starts timing; call before the stage issues its commands.</summary>
    public void Begin()
    {
        _lastGpuMilliseconds = double.NaN;
        if (_gpu is not null)
        {
            if (_pending && _gpu.TryGetResult(out var milliseconds))
            {
                _lastGpuMilliseconds = milliseconds;
                _pending = false;
            }

            if (!_pending)
            {
                _gpu.Begin();
                _timing = true;
            }
        }

        _start = Stopwatch.GetTimestamp();
    }

    /// <summary>Stops timing and reports the stage to <paramref name="timings"/>.</summary>
    public void End(PassTimings timings)
    {
        var cpu = Stopwatch.GetElapsedTime(_start).TotalMilliseconds;
        if (_timing)
        {
            _gpu!.End();
            _timing = false;
            _pending = true;
        }

        timings.Report(Name, cpu, _lastGpuMilliseconds);
    }

    /// <summary>Abandons a stage that threw, so the next <see cref="Begin"/> does not find the GPU timer running.</summary>
    public void Cancel()
    {
        if (_timing)
        {
            _gpu!.End();
            _timing = false;
            _pending = true;
        }
    }

    public void Dispose() => _gpu?.Dispose();
}
