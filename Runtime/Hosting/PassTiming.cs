namespace NeuralPost.Hosting;

/// <summary>One pass's timing for the current frame.</summary>
/// <param name="Name">The pass name it was reported under.</param>
/// <param name="CpuMilliseconds">CPU time reported this frame (summed over reports), 0 if none.</param>
/// <param name="GpuMilliseconds">GPU time reported this frame (summed), NaN when no GPU time was reported.</param>
/// <param name="Reported">Whether the pass reported anything this frame; slots persist across frames.</param>
public readonly record struct PassTiming(string Name, double CpuMilliseconds, double GpuMilliseconds, bool Reported);
