using NeuralPost.Effects.Upscale;

namespace NeuralPost.Tests.Effects.Upscale;

internal sealed class TilePlanTests
{
    [TestCase(100, 37, 16, 9)]
    [TestCase(5, 5, 16, 4)]
    [TestCase(129, 64, 32, 0)]
    [TestCase(50, 50, 0, 8)]
    public void CoresPartitionTheImageAndInputsCoverCoresPlusOverlap(int width, int height, int tileSize, int overlap)
    {
        var plan = TilePlan.Create(width, height, tileSize, overlap);
        var owner = new int[width * height];
        foreach (var tile in plan.Tiles)
        {
            Assert.That(tile.CoreWidth, Is.LessThanOrEqualTo(tileSize == 0 ? width : tileSize));
            Assert.That(tile.InputX, Is.EqualTo(Math.Max(0, tile.CoreX - overlap)));
            Assert.That(tile.InputX + tile.InputWidth, Is.EqualTo(Math.Min(width, tile.CoreX + tile.CoreWidth + overlap)));
            Assert.That(tile.InputY, Is.EqualTo(Math.Max(0, tile.CoreY - overlap)));
            Assert.That(tile.InputY + tile.InputHeight, Is.EqualTo(Math.Min(height, tile.CoreY + tile.CoreHeight + overlap)));
            for (var y = tile.CoreY; y < tile.CoreY + tile.CoreHeight; y++)
            {
                for (var x = tile.CoreX; x < tile.CoreX + tile.CoreWidth; x++)
                {
                    owner[y * width + x]++;
                }
            }
        }

        Assert.That(owner, Is.All.EqualTo(1), "every pixel belongs to exactly one core");
    }

    [Test]
    public void TilesAreSpreadEvenlyWithoutSlivers()
    {
        var plan = TilePlan.Create(100, 10, 48, 4);
        Assert.That(plan.Tiles.Select(t => t.CoreWidth), Is.EqualTo(new[] { 33, 33, 34 }));
    }

    [TestCase(9, 2)]
    [TestCase(8, 3)]
    [TestCase(0, 2)]
    public void AxisWeightsOfNeighbouringTilesSumToOne(int overlap, int scale)
    {
        var plan = TilePlan.Create(90, 1, 30, overlap);
        for (var x = 0; x < 90 * scale; x++)
        {
            var u = (x + 0.5) / scale;
            var sum = plan.Tiles.Sum(t => plan.AxisWeight(u, t.CoreX, t.CoreX + t.CoreWidth, plan.Width));
            Assert.That(sum, Is.EqualTo(1f).Within(1e-6), $"output pixel {x}");
        }
    }

    [Test]
    public void RejectsNonsense()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => TilePlan.Create(0, 5, 8, 1), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => TilePlan.Create(5, 5, -1, 1), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => TilePlan.Create(5, 5, 8, -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void TileSizeNearIntMaxPlansOneTileCoveringTheImage()
    {
        // extent + tileSize - 1 wrapped negative in 32 bits: no tile at all, and an all-black upscale.
        var plan = TilePlan.Create(12, 10, int.MaxValue, 16);
        Assert.That(plan.Tiles, Is.EqualTo(new[] { new Tile(0, 0, 12, 10, 0, 0, 12, 10) }));
    }

    [Test]
    public void OverlapNearIntMaxIsClampedToTheImage()
    {
        // x + w + overlap wrapped negative in 32 bits, giving negative input widths.
        var plan = TilePlan.Create(20, 20, 8, int.MaxValue);
        Assert.That(plan.Tiles.Select(t => (t.InputX, t.InputY, t.InputWidth, t.InputHeight)), Is.All.EqualTo((0, 0, 20, 20)));
    }
}
