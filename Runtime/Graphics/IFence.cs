namespace NeuralPost.Graphics;

/// <summary>A point in the GPU command stream the CPU can poll or wait for.</summary>
public interface IFence : IDisposable
{
    /// <summary>Whether the GPU has passed the fence; never blocks.</summary>
    bool IsSignaled { get; }

    /// <summary>Waits up to <paramref name="timeout"/>; returns whether the fence signalled.</summary>
    bool Wait(TimeSpan timeout);
}
