namespace NeuralPost.Core;

/// <summary>
/// The tier table and FSR-compatible render-size arithmetic.
/// </summary>
/// <remarks>
/// <para>
/// | Tier             | Ratio | Model        | Network | After the network                 |
/// |------------------|-------|--------------|---------|-----------------------------------|
/// | Native           | 1.0   | none         | -       | pass-through (sharpen if asked)   |
/// | Quality          | 1.5   | imdn-x2      | x2      | bilinear downsample 1.33 to output |
/// | Balanced         | 1.7   | imdn-rtc-x2  | x2      | bilinear downsample 1.18 to output |
/// | Performance      | 2.0   | imdn-rtc-x2  | x2      | exact                             |
/// | UltraPerformance | 3.0   | imdn-x3      | x3      | exact                             |
/// </para>
/// <para>
/// The ratios are FSR 2's so a tier costs what players expect it to. Quality and Balanced have no integer network
/// scale, so they run an x2 network and bilinearly <em>downsample</em> its larger-than-display output: a downsample
/// only averages real network pixels (a mild supersample), whereas rendering at display/2 and calling it Quality
/// would make the tier identical to Performance. Performance and UltraPerformance hit integer scales exactly and
/// need no resample. The real-time IMDN variant serves the tiers that chose speed; full IMDN serves Quality, and
/// UltraPerformance, whose input is only a ninth of the display's pixels, and has no real-time x3 variant.
/// </para>
/// </remarks>
public static class UpscaleTiers
{
    private static readonly UpscaleTierSpec[] Specs =
    [
        new(UpscaleTier.Native, 1.0f, null, 1),
        new(UpscaleTier.Quality, 1.5f, "imdn-x2", 2),
        new(UpscaleTier.Balanced, 1.7f, "imdn-rtc-x2", 2),
        new(UpscaleTier.Performance, 2.0f, "imdn-rtc-x2", 2),
        new(UpscaleTier.UltraPerformance, 3.0f, "imdn-x3", 3),
    ];

    /// <summary>Every tier's row, in <see cref="UpscaleTier"/> order.</summary>
    public static IReadOnlyList<UpscaleTierSpec> Table => Specs;

    /// <summary>The row for a tier.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="tier"/> is not a defined tier.</exception>
    public static UpscaleTierSpec Get(UpscaleTier tier)
    {
        var index = (int)tier;
        if ((uint)index >= (uint)Specs.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(tier), tier, "not a defined upscale tier");
        }

        return Specs[index];
    }

    /// <summary>Display size divided by render size, per axis.</summary>
    public static float GetRatio(UpscaleTier tier) => Get(tier).Ratio;

    /// <summary>Manifest id of the tier's network, or null for <see cref="UpscaleTier.Native"/>.</summary>
    public static string? GetModelId(UpscaleTier tier) => Get(tier).ModelId;

    /// <summary>
    /// The resolution to render at for a display size, computed like FSR 2's
    /// <c>ffxFsr2GetRenderResolutionFromQualityMode</c>: single-precision division truncated toward zero, here
    /// clamped to at least one pixel per axis so tiny windows still get a valid target.
    /// </summary>
    /// <remarks>
    /// AMD's marketing table lists Balanced at 4K as 2259x1270, which no single rounding rule reproduces
    /// (rounding gives 2259x1271); FSR 2's own function, and this one, give 2258x1270.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="output"/> is not positive.</exception>
    public static Size GetRenderResolution(Size output, UpscaleTier tier)
    {
        if (!output.IsPositive)
        {
            throw new ArgumentOutOfRangeException(nameof(output), output, "the output size must be positive");
        }

        var ratio = GetRatio(tier);
        return new Size(
            Math.Max(1, (int)(output.Width / ratio)),
            Math.Max(1, (int)(output.Height / ratio)));
    }
}
