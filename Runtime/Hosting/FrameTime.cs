namespace NeuralPost.Hosting;

/// <summary>Timing of the frame being updated and rendered.</summary>
/// <param name="DeltaSeconds">Seconds since the previous frame (0 on the first).</param>
/// <param name="TotalSeconds">Seconds since the first frame; double so it keeps millisecond precision for days.</param>
/// <param name="FrameIndex">Index of this frame, 0 for the first.</param>
public readonly record struct FrameTime(float DeltaSeconds, double TotalSeconds, long FrameIndex)
{
    /// <summary>The frame after this one, <paramref name="deltaSeconds"/> later.</summary>
    public FrameTime Next(float deltaSeconds) => new(deltaSeconds, TotalSeconds + deltaSeconds, FrameIndex + 1);
}
