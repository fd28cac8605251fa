using NeuralPost.Core;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>One configuration of a soak run: what ran, for how long, and memory before and after the measured frames.</summary>
/// <param name="Tier">The upscale tier.</param>
/// <param name="Dehaze">Whether the dehaze pass ran.</param>
/// <param name="Render">Render resolution.</param>
/// <param name="Output">Output resolution.</param>
/// <param name="UpscalerStatus">The upscaler's status after the run (which network, or why none).</param>
/// <param name="Frames">Measured frames.</param>
/// <param name="Seconds">Wall-clock seconds of the measured frames.</param>
/// <param name="MeanInferenceMilliseconds">Mean CPU milliseconds of the upscaler's inference per measured frame, NaN when none ran.</param>
/// <param name="AllocatedBytes">Managed bytes allocated by every thread of the process during the measured frames.</param>
/// <param name="Start">Memory after the warm-up frames.</param>
/// <param name="End">Memory after the measured frames.</param>
public sealed record SoakResult(
    UpscaleTier Tier, bool Dehaze, Size Render, Size Output, string UpscalerStatus, int Frames, double Seconds,
    double MeanInferenceMilliseconds, long AllocatedBytes, MemorySnapshot Start, MemorySnapshot End)
{
    /// <summary>Managed bytes allocated per measured frame by every thread of the process.</summary>
    public double AllocatedBytesPerFrame => (double)AllocatedBytes / Frames;

    /// <summary>Mean wall-clock milliseconds per measured frame.</summary>
    public double MillisecondsPerFrame => Seconds * 1000 / Frames;
}
