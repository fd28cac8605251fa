namespace NeuralPost.Core;

/// <summary>
/// How far, and with what, an image is extended on every side before a network runs on it; the output is cropped
/// back by <see cref="Border"/> times the network's scale. This replaces the zero padding the convolutions would
/// otherwise see at the image border (a flat 1x1 image of (200,30,90) came back as about (65,7,12) from
/// imdn-rtc-x2 without it).
/// </summary>
public readonly record struct EdgePadding
{
    /// <summary>The card field that sets a network's border, in input pixels.</summary>
    public const string CardField = "edgePadding";

    /// <summary>
    /// Border when a card names none: 8 input pixels brought every shipped super-resolution network's flat-colour
    /// error to at most 1 level (4 left up to 1 level, 2 up to 5), measured by <c>tools/edge-padding-study.py</c>.
    /// </summary>
    public const int DefaultBorder = 8;

    /// <summary>Largest border accepted (input pixels per side).</summary>
    public const int MaxBorder = 256;

    /// <summary>Creates a border of <paramref name="border"/> input pixels per side filled by <paramref name="mode"/>.</summary>
    /// <param name="border">Input pixels added on each side, 0 to <see cref="MaxBorder"/>; 0 turns the padding off.</param>
    /// <param name="mode">What the added pixels hold.</param>
    /// <exception cref="ArgumentOutOfRangeException">The border is outside 0 to <see cref="MaxBorder"/>, or the mode is undefined.</exception>
    public EdgePadding(int border, EdgeMode mode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(border);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(border, MaxBorder);
        Border = border;
        Mode = DefinedEnum.Require(mode, "edge mode");
    }

    /// <summary>Input pixels added on each side; 0 turns the padding off.</summary>
    public int Border { get; }

    /// <summary>What the added pixels hold.</summary>
    public EdgeMode Mode { get; }

    /// <summary>No padding: the network's own zero padding decides the border.</summary>
    public static EdgePadding None => new(0, EdgeMode.Replicate);

    /// <summary><see cref="DefaultBorder"/> pixels of the edge repeated: what a network without a card gets.</summary>
    public static EdgePadding Default => new(DefaultBorder, EdgeMode.Replicate);

    /// <summary>The border <paramref name="card"/> asks for (<see cref="DefaultBorder"/> without a card or field), filled by <paramref name="mode"/>.</summary>
    /// <exception cref="ModelManifestException">The card's field is not an integer from 0 to <see cref="MaxBorder"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="mode"/> is undefined.</exception>
    public static EdgePadding For(ModelCard? card, EdgeMode mode = EdgeMode.Replicate) =>
        new(card?.ExtraInteger(CardField, DefaultBorder, 0, MaxBorder) ?? DefaultBorder, mode);

    /// <summary>The source coordinate that padded coordinate <paramref name="coordinate"/> (may be negative or past the end) reads, for an axis of <paramref name="size"/> pixels.</summary>
    public int Map(int coordinate, int size) => Mode == EdgeMode.Wrap
        ? ((coordinate % size) + size) % size
        : Math.Clamp(coordinate, 0, size - 1);
}
