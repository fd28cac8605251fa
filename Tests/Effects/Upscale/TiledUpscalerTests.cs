using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Effects.Upscale;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Effects.Upscale;

internal sealed class TiledUpscalerTests : OrtTestFixture
{
    private const int BlurReceptiveField = 9;

    [Test]
    public void NearestModelMatchesTheAnalyticNearestUpscaleExactly()
    {
        using var model = ImageNetwork.Load(Ort, TestPaths.TestModel("test-nearest-x3"));
        var input = AnalyticModels.RandomImage(13, 7, seed: 1);
        var output = new TiledUpscaler(model).Upscale(input, 13, 7, tileSize: 0, overlap: 0);
        Assert.That(model.Scale, Is.EqualTo(3));
        Assert.That(output, Is.EqualTo(AnalyticModels.Nearest(input, 13, 7, 3)));
    }

    [Test]
    public void BlurModelMatchesTheCSharpReference()
    {
        using var model = ImageNetwork.Load(Ort, TestPaths.TestModel("test-blur-x2"));
        var input = AnalyticModels.RandomImage(21, 17, seed: 2);
        // The reference pads with zeros as the graph does, so the runtime's edge border is off here.
        var output = new TiledUpscaler(model, EdgePadding.None).Upscale(input, 21, 17, tileSize: 0, overlap: 0);
        Assert.That(AnalyticModels.MaxAbsDifference(output, AnalyticModels.BlurX2(input, 21, 17)), Is.LessThanOrEqualTo(1e-5f));
    }

    [TestCase(7, BlurReceptiveField)]
    [TestCase(16, BlurReceptiveField)]
    [TestCase(25, BlurReceptiveField + 3)]
    [TestCase(11, 2 * BlurReceptiveField)]
    public void TiledEqualsUntiledWhenOverlapCoversTheReceptiveField(int tileSize, int overlap)
    {
        using var model = ImageNetwork.Load(Ort, TestPaths.TestModel("test-blur-x2"));
        var upscaler = new TiledUpscaler(model);
        var input = AnalyticModels.RandomImage(53, 41, seed: 3);
        var whole = upscaler.Upscale(input, 53, 41, tileSize: 0, overlap: 0);
        var tiled = upscaler.Upscale(input, 53, 41, tileSize, overlap);
        Assert.That(AnalyticModels.MaxAbsDifference(tiled, whole), Is.LessThanOrEqualTo(1e-5f));
    }

    [TestCase(0)]
    [TestCase(4)]
    public void TiledDiffersWhenOverlapIsTooSmall(int overlap)
    {
        // The counterpart of the test above: proves that test could fail.
        using var model = ImageNetwork.Load(Ort, TestPaths.TestModel("test-blur-x2"));
        var upscaler = new TiledUpscaler(model);
        var input = AnalyticModels.RandomImage(53, 41, seed: 3);
        var whole = upscaler.Upscale(input, 53, 41, tileSize: 0, overlap: 0);
        var tiled = upscaler.Upscale(input, 53, 41, tileSize: 16, overlap);
        Assert.That(AnalyticModels.MaxAbsDifference(tiled, whole), Is.GreaterThan(1e-3f));
    }

    [Test]
    public void ReportsProgressPerTileAndUpscales8BitImages()
    {
        using var model = ImageNetwork.Load(Ort, TestPaths.TestModel("test-nearest-x2"));
        var image = new Rgb8Image(40, 30);
        new Random(4).NextBytes(image.Data);
        var reports = new List<TileProgress>();
        var result = new TiledUpscaler(model).Upscale(image, 16, 4, new SynchronousProgress(reports.Add));
        Assert.That(reports.Select(r => r.Completed), Is.EqualTo(Enumerable.Range(1, 6)));
        Assert.That((result.Width, result.Height), Is.EqualTo((80, 60)));
        Assert.That(result.Data[(59 * 80 + 79) * 3], Is.EqualTo(image.Data[(29 * 40 + 39) * 3]));
    }

    [Test]
    public void CancellationStopsBetweenTiles()
    {
        using var model = ImageNetwork.Load(Ort, TestPaths.TestModel("test-nearest-x2"));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        Assert.That(() => new TiledUpscaler(model).Upscale(new float[3 * 20 * 20], 20, 20, 8, 2, null, cancel.Token),
            Throws.InstanceOf<OperationCanceledException>());
    }

    private sealed class SynchronousProgress(Action<TileProgress> report) : IProgress<TileProgress>
    {
        public void Report(TileProgress value) => report(value);
    }
}
