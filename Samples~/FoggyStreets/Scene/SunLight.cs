using System.Numerics;

namespace NeuralPost.Samples.FoggyStreets.Scene;

/// <summary>Sun and sky colours for a time of day; the values are display-referred, the shaders' working space.</summary>
/// <param name="Direction">Unit vector towards the sun.</param>
/// <param name="Color">Sun colour times intensity, reaching surfaces that face it.</param>
/// <param name="Zenith">Sky colour straight up.</param>
/// <param name="Horizon">Sky colour at the horizon.</param>
/// <param name="Ambient">Light from the whole sky on an upward-facing surface.</param>
internal readonly record struct SunLight(Vector3 Direction, Vector3 Color, Vector3 Zenith, Vector3 Horizon, Vector3 Ambient)
{
    public static SunLight At(float timeOfDay)
    {
        var day = Math.Clamp(timeOfDay, 0f, 1f);
        // Elevation peaks at noon and stays a few degrees up at the ends so the scene is never pitch dark.
        var arc = MathF.Sin(MathF.PI * Math.Clamp((day - 0.15f) / 0.7f, 0f, 1f));
        var elevation = float.DegreesToRadians(4f + 61f * arc);
        // The sun swings from east (+X) through south (+Z) to west, so streets along both axes catch it.
        var azimuth = float.DegreesToRadians(-20f + 220f * day);
        var (sinE, cosE) = MathF.SinCos(elevation);
        var direction = Vector3.Normalize(new Vector3(MathF.Cos(azimuth) * cosE, sinE, MathF.Sin(azimuth) * cosE));

        var warmth = 1f - Smooth(0.05f, 0.55f, sinE);
        var color = Vector3.Lerp(new Vector3(1.0f, 0.93f, 0.84f), new Vector3(1.0f, 0.58f, 0.32f), warmth)
            * (0.35f + 0.85f * Smooth(0f, 0.4f, sinE));
        var zenith = Vector3.Lerp(new Vector3(0.25f, 0.44f, 0.78f), new Vector3(0.22f, 0.28f, 0.50f), warmth);
        var horizon = Vector3.Lerp(new Vector3(0.70f, 0.80f, 0.90f), new Vector3(0.92f, 0.70f, 0.55f), warmth);
        var ambient = Vector3.Lerp(new Vector3(0.52f, 0.58f, 0.68f), new Vector3(0.45f, 0.42f, 0.48f), warmth);
        return new SunLight(direction, color, zenith, horizon, ambient);
    }

    private static float Smooth(float edge0, float edge1, float x)
    {
        var t = Math.Clamp((x - edge0) / (edge1 - edge0), 0f, 1f);
        return t * t * (3 - 2 * t);
    }
}
