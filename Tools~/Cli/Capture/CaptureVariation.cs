using System.Numerics;
using NeuralPost.Samples.FoggyStreets.Scene;

namespace NeuralPost.Cli.Capture;

/// <summary>
/// The scene settings of capture number <c>i</c>: camera time along the path, time of day, fog colour, density and
/// noise seed, each stepped by a different irrational fraction (a low-discrepancy sequence), so any count of
/// captures spreads evenly over the ranges and the same index always gives the same picture.
/// </summary>
public static class CaptureVariation
{
    /// <summary>Length of the camera path the captures sample, in seconds.</summary>
    public const double PathSeconds = 120.0;

    private static readonly Vector3[] FogColors =
    [
        new(0.72f, 0.74f, 0.78f), // overcast grey
        new(0.80f, 0.76f, 0.66f), // warm, sodium-lit
        new(0.60f, 0.66f, 0.76f), // cold blue dusk
        new(0.86f, 0.86f, 0.84f), // bright white morning fog
    ];

    /// <summary>Scene options and camera time of capture <paramref name="index"/>.</summary>
    public static (SceneOptions Options, double CameraTime) For(int index, bool fogEnabled = true, int citySeed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var n = index + 1;
        var colorA = FogColors[index % FogColors.Length];
        var colorB = FogColors[(index + 1) % FogColors.Length];
        var options = new SceneOptions
        {
            Seed = citySeed,
            FogEnabled = fogEnabled,
            FogDensity = (float)(0.4 + (1.4 * Fraction(n * 0.5698402909980532))),
            FogColor = Vector3.Lerp(colorA, colorB, (float)Fraction(n * 0.7548776662466927)),
            TimeOfDay = (float)(0.2 + (0.6 * Fraction(n * 0.4142135623730950))),
            FogSeed = 7 + index,
        };
        return (options, PathSeconds * Fraction(n * 0.6180339887498949));
    }

    /// <summary>
    /// Frame <paramref name="step"/> of a camera-path sequence starting at capture <paramref name="first"/>: the
    /// light and fog of <paramref name="first"/> held fixed and the camera advanced <paramref name="stepSeconds"/>
    /// per frame, so consecutive frames differ as a game's do: by camera motion and the fog's drift with time.
    /// </summary>
    public static (SceneOptions Options, double CameraTime) AlongPath(int first, int step, double stepSeconds, int citySeed = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        var (options, start) = For(first, citySeed: citySeed);
        return (options, start + (step * stepSeconds));
    }

    private static double Fraction(double value) => value - Math.Floor(value);
}
