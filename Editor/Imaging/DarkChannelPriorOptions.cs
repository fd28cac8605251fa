namespace NeuralPost.Imaging;

/// <summary>
/// Parameters of <see cref="DarkChannelPrior"/> (He, Sun and Tang, "Single Image Haze Removal Using Dark Channel
/// Prior", CVPR 2009); the defaults are the paper's. Validated on set.
/// </summary>
public sealed class DarkChannelPriorOptions
{
    private int _patchSize = 15;
    private double _omega = 0.95;
    private double _minTransmission = 0.1;
    private double _airlightFraction = 0.001;
    private int _guidedFilterRadius;
    private double _guidedFilterEpsilon = 1e-3;

    /// <summary>Side of the square min-filter window of the dark channel, odd (default 15).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not a positive odd number.</exception>
    public int PatchSize
    {
        get => _patchSize;
        set => _patchSize = value > 0 && value % 2 == 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the patch size must be a positive odd number");
    }

    /// <summary>Share of the haze removed, omega in t = 1 - omega * dark(I / A) (default 0.95; 1 removes all of it).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside [0, 1] or NaN.</exception>
    public double Omega
    {
        get => _omega;
        set => _omega = value is >= 0.0 and <= 1.0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "omega must lie in [0, 1]");
    }

    /// <summary>Lower bound t0 of the refined transmission, which keeps dense haze from amplifying noise (default 0.1).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 1] or NaN.</exception>
    public double MinTransmission
    {
        get => _minTransmission;
        set => _minTransmission = value is > 0.0 and <= 1.0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the minimum transmission must lie in (0, 1]");
    }

    /// <summary>
    /// Share of the pixels with the brightest dark channel among which the airlight is picked (default 0.001, the
    /// brightest 0.1 %; at least one pixel).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside (0, 1] or NaN.</exception>
    public double AirlightFraction
    {
        get => _airlightFraction;
        set => _airlightFraction = value is > 0.0 and <= 1.0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the airlight fraction must lie in (0, 1]");
    }

    /// <summary>
    /// Radius of the guided filter that refines the transmission (window 2r + 1). 0 (the default) picks it from the
    /// image size: shorter side / 12, between 4 and 60, i.e. 60 for 720p and larger, 40 for 480 px.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int GuidedFilterRadius
    {
        get => _guidedFilterRadius;
        set => _guidedFilterRadius = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the guided filter radius must not be negative");
    }

    /// <summary>Regularisation epsilon of the guided filter, on the 0..1 grey scale (default 1e-3).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive or is not finite.</exception>
    public double GuidedFilterEpsilon
    {
        get => _guidedFilterEpsilon;
        set => _guidedFilterEpsilon = value > 0.0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "the guided filter epsilon must be positive and finite");
    }

    /// <summary>The guided filter radius used for a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <returns><see cref="GuidedFilterRadius"/> when set, otherwise the size-dependent default.</returns>
    public int EffectiveGuidedFilterRadius(int width, int height) =>
        _guidedFilterRadius > 0 ? _guidedFilterRadius : Math.Clamp(Math.Min(width, height) / 12, 4, 60);
}
