using NeuralPost.Editor.Fuzzing;

namespace NeuralPost.Tests.Editor;

/// <summary>The image fuzzer itself: a short fixed-seed run must find nothing and must exercise both outcomes.</summary>
internal sealed class ImageFuzzerTests
{
    private static List<FuzzSeed> Seeds() =>
        FuzzSeeds.Load([Path.Combine(TestPaths.RepoRoot, "Tests", "Imaging", "Fixtures")]);

    [Test]
    public void AShortRunFindsNothingAndMutationsBothPassAndFail()
    {
        // Speed is the fuzz command's business (--slow-ms 1000); here a slow decode only counts if it hangs, so a
        // loaded CI machine cannot fail the test.
        var statistics = ImageFuzzer.Run(new FuzzSettings { Executions = 2000, Seed = 7, SlowMilliseconds = 30_000 }, Seeds(), TextWriter.Null);

        Assert.That(statistics.Executions, Is.EqualTo(2000));
        Assert.That(statistics.FindingCount, Is.Zero, string.Join(", ", statistics.Findings));
        Assert.That(statistics.Accepted, Is.GreaterThan(100));
        Assert.That(statistics.Refused, Is.GreaterThan(500));
        // Refusals come from several decoders and checks, not one early exit.
        Assert.That(statistics.Refusals.Keys, Has.Some.Contains("PNG").And.Some.Contains("GIF").And.Some.Contains("JPEG").And.Some.Contains("WebP").And.Some.Contains("BMP"));
    }

    [Test]
    public void TheSameSeedMakesTheSameInputs()
    {
        var seeds = Seeds();
        var first = new Mutator(seeds, new Random(3));
        var second = new Mutator(seeds, new Random(3));

        for (int i = 0; i < 200; i++)
        {
            Assert.That(first.Next().Input, Is.EqualTo(second.Next().Input));
        }
    }

    [Test]
    public void SeedsCoverEveryDocumentedFormatAndDecode()
    {
        var seeds = Seeds();

        Assert.That(seeds.Select(s => s.Format).Distinct(), Is.EquivalentTo(new[] { "PNG", "JPEG", "WebP", "GIF", "BMP" }));
        foreach (var seed in seeds)
        {
            Assert.That(() => NeuralPost.ImageFiles.ImageFile.Decode(seed.Data, seed.Name), Throws.Nothing, seed.Name);
        }
    }

    [Test]
    public void DocumentedRefusalsAreNotFindings()
    {
        var oracle = new DecodeOracle(1 << 20, 1000);
        var refused = oracle.Decode([0x89, 0x50]);

        Assert.That(oracle.Decode(Seeds()[0].Data), Has.Property(nameof(DecodeOutcome.Accepted)).True.And.Property(nameof(DecodeOutcome.Finding)).Null);
        Assert.That((refused.Accepted, refused.Finding, refused.Error), Is.EqualTo((false, (FindingKind?)null, refused.Error)));
        Assert.That(refused.Error, Is.InstanceOf<NeuralPost.ImageFiles.ImageFileException>());
    }

    [Test]
    public void PngMutationsKeepChunkCrcsValid()
    {
        // All but the length edit (one kind in nine, which moves every later chunk) leave valid CRCs behind.
        var png = Seeds().First(s => s.Format == "PNG").Data;
        var random = new Random(5);
        int valid = 0;
        const int Runs = 300;
        for (int i = 0; i < Runs; i++)
        {
            var mutated = PngMutations.Apply(random, png)!;
            bool allValid = PngChunk.List(mutated).All(chunk =>
                System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(mutated.AsSpan(chunk.DataOffset + chunk.Length)) ==
                Crc32.Compute(mutated.AsSpan(chunk.Offset + 4, chunk.Length + 4)));
            valid += allValid ? 1 : 0;
        }

        Assert.That(valid, Is.GreaterThan(Runs * 8 / 10));
    }
}
