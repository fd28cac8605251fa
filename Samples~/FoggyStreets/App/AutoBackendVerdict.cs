using System.Globalization;
using NeuralPost.Core;
using NeuralPost.Effects;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// What the measured gpu/ort ratios say <see cref="InferenceBackend.Auto"/> should pick on this device: the
/// geometric mean of the frame wall-time ratios over every comparison where both backends ran (one slow tier must
/// not outvote the rest by its size alone). It only reports; <see cref="BackendSelection.SoftwareRendererChoice"/>
/// is a constant set from this line by hand.
/// </summary>
public static class AutoBackendVerdict
{
    /// <summary>The geometric mean of the known <see cref="BackendComparison.WallRatio"/>s; NaN when none is known.</summary>
    public static double MeanWallRatio(IEnumerable<BackendComparison> comparisons)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        var sum = 0.0;
        var count = 0;
        foreach (var comparison in comparisons)
        {
            var ratio = comparison.WallRatio;
            if (ratio > 0)
            {
                sum += Math.Log(ratio);
                count++;
            }
        }

        return count == 0 ? double.NaN : Math.Exp(sum / count);
    }

    /// <summary>
    /// The line: on a software renderer the faster backend and by how much, or that the GPU backend did not run;
    /// on a hardware GPU, that Auto picks GPU compute by design, with the measured ratio.
    /// </summary>
    public static string Describe(IReadOnlyList<BackendComparison> comparisons, string deviceDescription)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(deviceDescription);
        var ratio = MeanWallRatio(comparisons);
        var known = comparisons.Count(c => c.WallRatio > 0);
        var basis = string.Create(CultureInfo.InvariantCulture, $"geometric mean of frame wall gpu/ort {ratio:F2}x over {known} of {comparisons.Count} measurements");
        if (!BackendSelection.IsSoftwareRenderer(deviceDescription))
        {
            return double.IsNaN(ratio)
                ? "Auto on this hardware GPU: GpuCompute by design; not measured here: the GPU backend did not run"
                : $"Auto on this hardware GPU: GpuCompute by design ({basis})";
        }

        if (double.IsNaN(ratio))
        {
            return $"Auto on this software renderer: not decided by this run: the GPU backend did not run (it stays {BackendSelection.SoftwareRendererChoice}, BackendSelection.SoftwareRendererChoice)";
        }

        var (choice, factor) = ratio <= 1.0 ? (InferenceBackend.GpuCompute, 1.0 / ratio) : (InferenceBackend.OnnxRuntime, ratio);
        return string.Create(CultureInfo.InvariantCulture, $"Auto on this software renderer: {choice} (faster here by {factor:F2}x; {basis})");
    }
}
