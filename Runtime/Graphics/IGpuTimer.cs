namespace NeuralPost.Graphics;

/// <summary>
/// Measures GPU time between <see cref="Begin"/> and <see cref="End"/>. Timers cannot nest; read the result a
/// frame or two later with <see cref="TryGetResult"/> so the CPU never waits for it.
/// </summary>
public interface IGpuTimer : IDisposable
{
    /// <summary>Starts timing the commands that follow.</summary>
    void Begin();

    /// <summary>Stops timing.</summary>
    void End();

    /// <summary>Returns the measured milliseconds once the GPU has them; false while pending or never started.</summary>
    bool TryGetResult(out double milliseconds);
}
