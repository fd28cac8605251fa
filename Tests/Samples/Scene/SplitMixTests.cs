using NeuralPost.Samples.FoggyStreets.Scene;

namespace NeuralPost.Tests.Samples.Scene;

/// <summary>City seeds must give unrelated sequences: held-out cities are only held out if they share nothing with training ones.</summary>
internal sealed class SplitMixTests
{
    [Test]
    public void NeighbouringSeedsShareNoDrawsAtAnyShift()
    {
        // The old start (seed * gamma) made seed s + 1's draw i equal seed s's draw i + 1.
        const int Draws = 256;
        var sequences = Enumerable.Range(0, 12).Select(seed => Sequence(seed, Draws)).ToArray();
        for (var a = 0; a < sequences.Length; a++)
        {
            for (var b = a + 1; b < sequences.Length; b++)
            {
                Assert.That(sequences[a].Intersect(sequences[b]), Is.Empty, $"seeds {a} and {b} share draws");
            }
        }
    }

    [Test]
    public void ASeedGivesTheSameSequenceEveryTime()
    {
        var first = Sequence(5, 16);
        var again = Sequence(5, 16);
        Assert.That(again, Is.EqualTo(first));
    }

    private static ulong[] Sequence(int seed, int count)
    {
        var random = new SplitMix(seed);
        var draws = new ulong[count];
        for (var i = 0; i < count; i++)
        {
            draws[i] = random.NextUInt64();
        }

        return draws;
    }
}
