using NeuralPost.Editor.Charts;

namespace NeuralPost.Tests.Editor;

internal sealed class LabelLayoutTests
{
    private static readonly PixelBox Area = new(0, 0, 1000, 600);
    private static readonly List<PixelBox> NoMarkers = [];

    [Test]
    public void AFreeLabelKeepsItsPreferredPlace()
    {
        var placements = LabelLayout.Place([new LabelRequest(100, 100, 8, 80, 14, 4), new LabelRequest(400, 300, 8, 80, 14, -16)], NoMarkers, Area);

        Assert.That(placements, Is.EqualTo(new[] { new LabelPlacement(4, false), new LabelPlacement(-16, false) }));
    }

    [Test]
    public void LabelsOfCoincidentPointsDoNotOverlap()
    {
        var requests = Enumerable.Range(0, 5).Select(i => new LabelRequest(200 + i, 150, 8, 120, 14, 4)).ToList();

        var boxes = LabelLayout.Place(requests, NoMarkers, Area).Select((p, i) => BoxOf(requests[i], p)).ToList();

        Assert.That(boxes[0], Is.EqualTo(new PixelBox(208, 154, 328, 168)), "the first label wins its place");
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                Assert.That(boxes[i].Overlaps(boxes[j]), Is.False, $"labels {i} and {j} overlap: {boxes[i]} {boxes[j]}");
            }
        }
    }

    [Test]
    public void ACrowdedLabelTriesTheOtherSideBeforeMovingAway()
    {
        var placements = LabelLayout.Place([new LabelRequest(100, 100, 8, 80, 14, 4)], [new PixelBox(120, 100, 130, 110)], Area);

        Assert.That(placements, Is.EqualTo(new[] { new LabelPlacement(4, Left: true) }));
    }

    [Test]
    public void LabelsStayInsideThePlotArea()
    {
        // preferred place runs off the right and the top edge
        var request = new LabelRequest(980, 5, 8, 80, 14, -16);

        var box = BoxOf(request, LabelLayout.Place([request], NoMarkers, Area)[0]);

        Assert.That(Area.Contains(box), Is.True, box.ToString());
    }

    [Test]
    public void NoFreePlaceKeepsThePreferredPlace()
    {
        var placements = LabelLayout.Place([new LabelRequest(100, 100, 8, 60, 10, 4)], [new PixelBox(-1000, -1000, 2000, 2000)], Area);

        Assert.That(placements, Is.EqualTo(new[] { new LabelPlacement(4, false) }));
    }

    private static PixelBox BoxOf(LabelRequest r, LabelPlacement p)
    {
        var left = p.Left ? r.X - r.Gap - r.Width : r.X + r.Gap;
        return new PixelBox(left, r.Y + p.OffsetY, left + r.Width, r.Y + p.OffsetY + r.Height);
    }
}
