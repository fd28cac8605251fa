using NeuralPost.Graphics;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// GPU time of one pass without stalling: a ring of timers, each read a frame or more after it ran, so the value
/// reported with a frame is the newest one the GPU has finished (normally the previous frame's). NaN until the
/// first result lands, and always NaN on devices without timer queries.
/// </summary>
internal sealed class GpuPassTimer : IDisposable
{
    private readonly IGpuTimer[] _timers;
    private readonly bool[] _pending;
    private int _next;
    private double _latest = double.NaN;

    public GpuPassTimer(IGraphicsDevice device, int depth = 4)
    {
        ArgumentNullException.ThrowIfNull(device);
        _timers = device.SupportsTimerQueries ? new IGpuTimer[depth] : [];
        for (var i = 0; i < _timers.Length; i++)
        {
            _timers[i] = device.CreateTimer();
        }

        _pending = new bool[_timers.Length];
    }

    /// <summary>Newest finished measurement in milliseconds, or NaN.</summary>
    public double LatestMilliseconds
    {
        get
        {
            // Oldest first, so the newest finished result is the one that stays.
            for (var k = 0; k < _timers.Length; k++)
            {
                var i = (_next + k) % _timers.Length;
                if (_pending[i] && _timers[i].TryGetResult(out var ms))
                {
                    _pending[i] = false;
                    _latest = ms;
                }
            }

            return _latest;
        }
    }

    public void Begin()
    {
        if (_timers.Length > 0)
        {
            _timers[_next].Begin();
        }
    }

    public void End()
    {
        if (_timers.Length == 0)
        {
            return;
        }

        _timers[_next].End();
        _pending[_next] = true;
        _next = (_next + 1) % _timers.Length;
    }

    public void Dispose()
    {
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }
    }
}
