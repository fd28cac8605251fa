using NeuralPost.Editor.Evaluation;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Editor;

/// <summary>The game set's temporal figure: zero for a sequence scored against itself, positive for added flicker.</summary>
internal sealed class TemporalChangeTests
{
    private static Rgb8Image Frame(int seed)
    {
        var image = new Rgb8Image(16, 8);
        new Random(seed).NextBytes(image.Data);
        return image;
    }

    [Test]
    public void SequenceScoredAgainstItselfHasNoExcess()
    {
        var score = new GameTemporalScore();
        foreach (var frame in Enumerable.Range(1, 4).Select(Frame))
        {
            score.Add(frame, frame, frame);
        }

        Assert.Multiple(() =>
        {
            Assert.That(score.HighChange, Is.GreaterThan(0), "the frames do change");
            Assert.That(score.ModelExcess, Is.Zero);
            Assert.That(score.BicubicExcess, Is.Zero);
        });
    }

    [Test]
    public void FlickerAddsChangeTheSceneDidNotHave()
    {
        var still = Frame(1);
        var flicker = new[] { still, Brighter(still, 10), still, Brighter(still, 10) };
        var score = new GameTemporalScore();
        foreach (var frame in flicker)
        {
            score.Add(frame, still, still);
        }

        Assert.Multiple(() =>
        {
            Assert.That(score.HighChange, Is.Zero);
            Assert.That(score.ModelExcess, Is.GreaterThan(9).And.LessThanOrEqualTo(10), "about 10 levels a frame, less where clipped at 255");
            Assert.That(score.BicubicExcess, Is.Zero);
        });
    }

    [Test]
    public void DifferenceIsInLevelsOverEveryRgbSample()
    {
        var a = new Rgb8Image(2, 1, [0, 0, 0, 0, 0, 0]);
        var b = new Rgb8Image(2, 1, [6, 0, 0, 0, 0, 255]);
        Assert.Multiple(() =>
        {
            Assert.That(TemporalChange.MeanAbsoluteDifference(a, b), Is.EqualTo(261.0 / 6));
            Assert.That(TemporalChange.Of([a]), Is.Zero, "one frame has no change");
            Assert.That(() => TemporalChange.MeanAbsoluteDifference(a, new Rgb8Image(1, 1)), Throws.ArgumentException);
        });
    }

    private static Rgb8Image Brighter(Rgb8Image image, int levels) =>
        new(image.Width, image.Height, image.Data.Select(v => (byte)Math.Min(255, v + levels)).ToArray());
}
