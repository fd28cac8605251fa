namespace NeuralPost.Effects.Upscale;

/// <summary>One tile of a <see cref="TilePlan"/>, in input (low-resolution) pixels.</summary>
/// <param name="CoreX">Left of the region this tile is responsible for.</param>
/// <param name="CoreY">Top of that region.</param>
/// <param name="CoreWidth">Width of that region.</param>
/// <param name="CoreHeight">Height of that region.</param>
/// <param name="InputX">Left of the region fed to the network: the core widened by the overlap, clamped.</param>
/// <param name="InputY">Top of the region fed to the network.</param>
/// <param name="InputWidth">Width of the region fed to the network.</param>
/// <param name="InputHeight">Height of the region fed to the network.</param>
public readonly record struct Tile(
    int CoreX, int CoreY, int CoreWidth, int CoreHeight,
    int InputX, int InputY, int InputWidth, int InputHeight);

/// <summary>
/// Splits an image into tiles whose cores partition it and whose inputs extend the cores by an overlap on every
/// interior side, so each tile sees the context its receptive field needs.
/// </summary>
/// <remarks>
/// Neighbouring tiles are cross-faded over <see cref="BlendRadius"/> input pixels either side of the core
/// boundary. A tile's output is exact (equal to the untiled output) at least <c>r</c> pixels inside an interior
/// edge of its input, <c>r</c> being the receptive-field radius; the fade reaches <c>Overlap - BlendRadius</c>
/// = ceil(overlap/2) pixels inside, so an overlap at least the receptive-field width (2r+1) keeps the whole
/// blend inside exact pixels and the tiled output equals the untiled one up to float rounding.
/// </remarks>
public sealed class TilePlan
{
    private TilePlan(int width, int height, int overlap, IReadOnlyList<Tile> tiles)
    {
        Width = width;
        Height = height;
        Overlap = overlap;
        BlendRadius = overlap / 2;
        Tiles = tiles;
    }

    /// <summary>Image width in input pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in input pixels.</summary>
    public int Height { get; }

    /// <summary>Context added on each interior side of a core, in input pixels.</summary>
    public int Overlap { get; }

    /// <summary>Half-width of the cross-fade around each interior core boundary, in input pixels.</summary>
    public int BlendRadius { get; }

    /// <summary>The tiles, row by row.</summary>
    public IReadOnlyList<Tile> Tiles { get; }

    /// <summary>
    /// Plans tiles whose cores are at most <paramref name="tileSize"/> pixels on a side, spread evenly so no
    /// sliver tile is left at the right or bottom edge.
    /// </summary>
    /// <param name="width">Image width, at least 1.</param>
    /// <param name="height">Image height, at least 1.</param>
    /// <param name="tileSize">Largest core side; 0 means one tile for the whole image.</param>
    /// <param name="overlap">Context per interior side, at least 0.</param>
    public static TilePlan Create(int width, int height, int tileSize, int overlap)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(tileSize);
        ArgumentOutOfRangeException.ThrowIfNegative(overlap);

        var columns = Split(width, tileSize);
        var rows = Split(height, tileSize);
        var tiles = new List<Tile>(columns.Length * rows.Length);
        foreach (var (y, h) in rows)
        {
            foreach (var (x, w) in columns)
            {
                var inX = Math.Max(0, x - overlap);
                var inY = Math.Max(0, y - overlap);
                // In 64 bits: an overlap near int.MaxValue would wrap past the image's edge to a negative end.
                var inRight = (int)Math.Min(width, (long)x + w + overlap);
                var inBottom = (int)Math.Min(height, (long)y + h + overlap);
                tiles.Add(new Tile(x, y, w, h, inX, inY, inRight - inX, inBottom - inY));
            }
        }

        return new TilePlan(width, height, overlap, tiles);
    }

    /// <summary>
    /// Weight of a tile's output along one axis at input coordinate <paramref name="u"/> (a pixel centre):
    /// 1 inside the core, a linear ramp across each interior boundary, 0 beyond it.
    /// </summary>
    /// <param name="u">Coordinate in input pixels of the output pixel's centre.</param>
    /// <param name="coreStart">Start of the tile's core on this axis.</param>
    /// <param name="coreEnd">End (exclusive) of the core on this axis.</param>
    /// <param name="extent">Image size on this axis; edges at 0 and extent are not interior.</param>
    public float AxisWeight(double u, int coreStart, int coreEnd, int extent)
    {
        var weight = 1.0;
        if (coreStart > 0)
        {
            weight = Math.Min(weight, Ramp(u - coreStart));
        }

        if (coreEnd < extent)
        {
            weight = Math.Min(weight, Ramp(coreEnd - u));
        }

        return (float)weight;
    }

    // Distance inside the boundary -> weight: 0.5 at the boundary, reaching 0 and 1 at -/+ BlendRadius.
    private double Ramp(double inside) =>
        BlendRadius == 0
            ? (inside >= 0 ? 1.0 : 0.0)
            : Math.Clamp((inside + BlendRadius) / (2.0 * BlendRadius), 0.0, 1.0);

    private static (int Start, int Length)[] Split(int extent, int tileSize)
    {
        // In 64 bits: a tile size near int.MaxValue made extent + tileSize - 1 wrap negative, planning no tile at all.
        var count = tileSize == 0 ? 1 : (int)(((long)extent + tileSize - 1) / tileSize);
        var parts = new (int, int)[count];
        var start = 0;
        for (var i = 0; i < count; i++)
        {
            var end = (int)((long)extent * (i + 1) / count);
            parts[i] = (start, end - start);
            start = end;
        }

        return parts;
    }
}
