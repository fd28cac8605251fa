namespace NeuralPost.Editor.Charts;

/// <summary>A rectangle in pixels, y growing downwards.</summary>
internal readonly record struct PixelBox(double Left, double Top, double Right, double Bottom)
{
    /// <summary>Whether the two boxes share any area (touching edges do not count).</summary>
    public bool Overlaps(PixelBox other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    /// <summary>Whether <paramref name="inner"/> lies wholly inside this box.</summary>
    public bool Contains(PixelBox inner) => inner.Left >= Left && inner.Right <= Right && inner.Top >= Top && inner.Bottom <= Bottom;
}

/// <summary>A point label to place: its anchor in pixels (y down), its size, and the vertical offset it prefers.</summary>
/// <param name="X">Anchor x in pixels.</param>
/// <param name="Y">Anchor y in pixels; the label's top edge is <c>Y + offset</c>.</param>
/// <param name="Gap">Horizontal distance between the anchor and the label's near edge, in pixels.</param>
/// <param name="Width">Label width in pixels.</param>
/// <param name="Height">Label height in pixels.</param>
/// <param name="PreferredOffsetY">The vertical offset used when nothing is in the way, in pixels.</param>
internal readonly record struct LabelRequest(double X, double Y, double Gap, double Width, double Height, double PreferredOffsetY);

/// <summary>Where a label goes: its vertical offset in pixels, and whether it sits left of its anchor (else right).</summary>
internal readonly record struct LabelPlacement(double OffsetY, bool Left);

/// <summary>
/// Greedy label placement for a scatter chart: each label in turn takes the free place nearest its preferred one
/// (right of its point, at its preferred height; then left of it; then half a label height further down or up, right
/// then left, ...), free meaning inside the plot area and clear of every marker and of the labels placed before it.
/// Networks of one family sit within hundredths of a dB and a factor of two of cost of each other (rednet10, drrn and
/// drcn at x2), so their labels would otherwise print over each other.
/// </summary>
internal static class LabelLayout
{
    /// <summary>How far a label may be pushed from its preferred height, in label heights, before it gives up.</summary>
    public const int MaxShift = 4;

    /// <summary>
    /// Places each label, in the order given (earlier labels win). A label that finds no free place within
    /// <see cref="MaxShift"/> heights keeps its preferred place: an overlap beats a missing label.
    /// </summary>
    /// <param name="labels">The labels, most important first.</param>
    /// <param name="markers">The markers' boxes; labels keep off them.</param>
    /// <param name="area">The plot's data area; labels stay inside it.</param>
    public static LabelPlacement[] Place(IReadOnlyList<LabelRequest> labels, IReadOnlyList<PixelBox> markers, PixelBox area)
    {
        var taken = new List<PixelBox>(markers);
        var placements = new LabelPlacement[labels.Count];
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            var preferred = new LabelPlacement(label.PreferredOffsetY, Left: false);
            (placements[i], var box) = Candidates(label)
                .Select(c => (Placement: c, Box: Box(label, c)))
                .FirstOrDefault(c => area.Contains(c.Box) && !taken.Any(t => t.Overlaps(c.Box)), (Placement: preferred, Box: Box(label, preferred)));
            taken.Add(box);
        }

        return placements;
    }

    private static IEnumerable<LabelPlacement> Candidates(LabelRequest label)
    {
        for (var step = 0; step <= 2 * MaxShift; step++)
        {
            foreach (var sign in step == 0 ? [1] : new[] { 1, -1 })
            {
                var offset = label.PreferredOffsetY + sign * step * label.Height / 2;
                yield return new LabelPlacement(offset, Left: false);
                yield return new LabelPlacement(offset, Left: true);
            }
        }
    }

    private static PixelBox Box(LabelRequest label, LabelPlacement at)
    {
        var left = at.Left ? label.X - label.Gap - label.Width : label.X + label.Gap;
        return new PixelBox(left, label.Y + at.OffsetY, left + label.Width, label.Y + at.OffsetY + label.Height);
    }
}
