using NeuralPost.Core;
using NeuralPost.Editor.Evaluation;
using NeuralPost.ImageFiles;
using NeuralPost.Tests.Imaging;

namespace NeuralPost.Tests.Editor;

/// <summary>Benchmark pairs at a scale a set does not ship (LapSRN's x8) are made as the set made its own.</summary>
internal sealed class BenchmarkPairsTests
{
    [TestCase("Set5")]
    [TestCase("Set14")]
    public void PairsMadeFromHrX2ReproduceTheShippedX4FilesBitExactly(string set)
    {
        var onlyHr = Path.Combine(TestPaths.NewTempDirectory(), set);
        var hrX2 = Path.Combine(onlyHr, "HR_x2");
        Directory.CreateDirectory(hrX2);
        foreach (var file in Directory.GetFiles(Path.Combine(BenchmarkImages.Root, set, "HR_x2"), "*.png"))
        {
            File.Copy(file, Path.Combine(hrX2, Path.GetFileName(file)));
        }

        var pairs = BenchmarkPairs.Open(onlyHr, 4);

        Assert.That(pairs.Derived, Is.True);
        Assert.That(pairs.Names, Is.EqualTo(BenchmarkImages.FileNames(set, 4)));
        foreach (var name in pairs.Names)
        {
            var pair = pairs.Load(name);
            var shippedLow = ImageFile.Load(BenchmarkImages.PathOf(set, "LR", 4, name));
            var shippedHigh = ImageFile.Load(BenchmarkImages.PathOf(set, "HR", 4, name));
            Assert.Multiple(() =>
            {
                Assert.That((pair.Low.Width, pair.Low.Height), Is.EqualTo((shippedLow.Width, shippedLow.Height)), name);
                Assert.That(pair.Low.Data, Is.EqualTo(shippedLow.Data), $"{name}: LR differs from LR_x4");
                Assert.That(pair.High.Data, Is.EqualTo(shippedHigh.Data), $"{name}: HR differs from HR_x4");
            });
        }
    }

    [Test]
    public void ShippedScalesAreReadFromTheirOwnFolders()
    {
        var set5 = Path.Combine(BenchmarkImages.Root, "Set5");

        var pairs = BenchmarkPairs.Open(set5, 3);

        Assert.That(pairs.Derived, Is.False);
        var pair = pairs.Load(pairs.Names[0]);
        var shippedLow = ImageFile.Load(BenchmarkImages.PathOf("Set5", "LR", 3, pairs.Names[0]));
        Assert.That(pair.Low.Data, Is.EqualTo(shippedLow.Data));
    }

    [Test]
    public void X8PairsComeFromHrX4CroppedToAMultipleOfEight()
    {
        var pairs = BenchmarkPairs.Open(Path.Combine(BenchmarkImages.Root, "Set5"), 8);

        Assert.That(pairs.Derived, Is.True);
        Assert.That(Path.GetFileName(pairs.HighDirectory), Is.EqualTo("HR_x4"));
        foreach (var name in pairs.Names)
        {
            var pair = pairs.Load(name);
            var source = ImageFile.Load(Path.Combine(pairs.HighDirectory, name));
            Assert.Multiple(() =>
            {
                Assert.That((pair.High.Width % 8, pair.High.Height % 8), Is.EqualTo((0, 0)), name);
                Assert.That((pair.Low.Width * 8, pair.Low.Height * 8), Is.EqualTo((pair.High.Width, pair.High.Height)), name);
                Assert.That(source.Width - pair.High.Width, Is.InRange(0, 7), name);
                Assert.That(pair.High.Data, Is.EqualTo(source.Crop(pair.High.Width, pair.High.Height).Data), name);
            });
        }
    }

    [Test]
    public void AScaleWithNeitherFoldersNorADivisorHrFolderIsAClearError()
    {
        var set = TestPaths.NewTempDirectory();
        Directory.CreateDirectory(Path.Combine(set, "HR_x3"));

        Assert.That(() => BenchmarkPairs.Open(set, 8),
            Throws.TypeOf<NeuralPostException>().With.Message.Contains("no LR_x8/HR_x8").And.Message.Contains("dividing 8"));
        Assert.That(() => BenchmarkPairs.Open(set, 3),
            Throws.TypeOf<NeuralPostException>().With.Message.Contains("no LR_x3/HR_x3"));
    }
}
