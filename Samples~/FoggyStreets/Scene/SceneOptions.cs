using System.Numerics;

namespace NeuralPost.Samples.FoggyStreets.Scene;

/// <summary>What the foggy street scene shows; safe to replace every frame, e.g. to render clear/hazy pairs.</summary>
public sealed record SceneOptions
{
    /// <summary>Seed of the city layout (building footprints, heights, colours, street furniture).</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Whether fog is drawn. False renders the clear frame: the same geometry, light and camera with transmittance 1,
    /// so hazy and clear frames of the same moment align pixel for pixel.
    /// </summary>
    public bool FogEnabled { get; init; } = true;

    /// <summary>Multiplier of the fog field's extinction; 0 is as clear as <see cref="FogEnabled"/> false.</summary>
    public float FogDensity { get; init; } = 1f;

    /// <summary>Linear colour of the fog (the airlight before sun and sky tint it).</summary>
    public Vector3 FogColor { get; init; } = new(0.70f, 0.74f, 0.80f);

    /// <summary>Time of day in [0, 1]: 0.25 morning, 0.5 noon, 0.75 evening; sets sun elevation and colour.</summary>
    public float TimeOfDay { get; init; } = 0.35f;

    /// <summary>Seed of the fog field: where the denser patches lie.</summary>
    public int FogSeed { get; init; } = 7;
}
