namespace NeuralPost.Core;

/// <summary>One row of the tier table: how far a tier lowers the render resolution and which network restores it.</summary>
/// <param name="Tier">The tier this row describes.</param>
/// <param name="Ratio">
/// Display size divided by render size, per axis. A <see cref="float"/> on purpose: FSR 2 divides in single
/// precision and truncates, and matching its arithmetic is what makes our render sizes equal its.
/// </param>
/// <param name="ModelId">Manifest id of the super-resolution network, or null when the tier runs none.</param>
/// <param name="NetworkScale">The network's upscale factor per axis (1 when there is no network).</param>
public sealed record UpscaleTierSpec(UpscaleTier Tier, float Ratio, string? ModelId, int NetworkScale)
{
    /// <summary>
    /// True when the network's output is not the display size and must be bilinearly resampled to it, which is the
    /// case whenever <see cref="Ratio"/> is not the network's integer scale (Quality and Balanced).
    /// </summary>
    public bool ResamplesNetworkOutput => ModelId is not null && Ratio != NetworkScale;

    /// <summary>Size the network produces from a render-resolution frame (the render size when there is no network).</summary>
    public Size GetNetworkOutputSize(Size renderResolution) =>
        new(renderResolution.Width * NetworkScale, renderResolution.Height * NetworkScale);
}
