namespace NeuralPost.Core;

/// <summary>
/// Quality tiers of the neural upscaler, named and sized like AMD FSR 2's quality modes so players and developers
/// can carry their expectations over. <see cref="UpscaleTiers"/> holds what each tier means.
/// </summary>
public enum UpscaleTier
{
    /// <summary>Render at the display resolution; no network (pass-through, optionally sharpened).</summary>
    Native,

    /// <summary>Render at 1/1.5 of the display per axis.</summary>
    Quality,

    /// <summary>Render at 1/1.7 of the display per axis.</summary>
    Balanced,

    /// <summary>Render at 1/2 of the display per axis.</summary>
    Performance,

    /// <summary>Render at 1/3 of the display per axis.</summary>
    UltraPerformance,
}
