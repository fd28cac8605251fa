using NeuralPost.Core;
using NeuralPost.Samples.FoggyStreets.App;

namespace NeuralPost.Tests.Samples.App;

/// <summary>GFLOP per frame from the shipped cards: 2 x G MACs per output megapixel x the network's padded output.</summary>
internal sealed class NetworkWorkTests
{
    private static readonly ModelManifest Manifest = ModelManifest.Load(TestPaths.Manifest);

    [Test]
    public void ImdnX2OnQualityAt1080pIsTwiceItsCardsMacsOverItsPaddedOutput()
    {
        var card = Manifest.Get("imdn-x2");
        var render = UpscaleTiers.GetRenderResolution(new Size(1920, 1080), UpscaleTier.Quality); // 1280x720

        Assert.Multiple(() =>
        {
            Assert.That(card.GigaMacsPerOutputMegapixel, Is.EqualTo(172.272), "the card this figure is derived from");
            Assert.That(NetworkWork.NetworkOutput(card, render), Is.EqualTo(new Size(2592, 1472)), "(1280 + 2 x 8) x 2 by (720 + 2 x 8) x 2");
            Assert.That(NetworkWork.GigaFlopPerFrame(card, render), Is.EqualTo(2 * 172.272 * 2592 * 1472 / 1e6).Within(1e-9)); // ~1314.5
        });
    }

    [Test]
    public void WithoutABorderImdnX2To1080pIsTheIssuesSevenHundredFourteenGflop()
    {
        var unpadded = Manifest.Get("imdn-x2") with { Extra = new() { [EdgePadding.CardField] = System.Text.Json.JsonSerializer.SerializeToElement(0) } };

        Assert.That(NetworkWork.GigaFlopPerFrame(unpadded, new Size(960, 540)), Is.EqualTo(714.4).Within(0.1));
    }

    [Test]
    public void ImdnRtcX2OnPerformanceAt540pAndDehazeAtItsRenderSize()
    {
        var render = new Size(480, 270);

        Assert.Multiple(() =>
        {
            Assert.That(NetworkWork.GigaFlopPerFrame(Manifest.Get("imdn-rtc-x2"), render), Is.EqualTo(2 * 4.975 * 992 * 572 / 1e6).Within(1e-9));
            Assert.That(NetworkWork.GigaFlopPerFrame(Manifest.Get("dehaze"), render), Is.EqualTo(2 * 66.077 * 512 * 302 / 1e6).Within(1e-9), "x1 with a 16-pixel border");
        });
    }

    [Test]
    public void ACardWithoutAMacCountHasUnknownWork() =>
        Assert.That(NetworkWork.GigaFlopPerFrame(Manifest.Get("test-nearest-x2"), new Size(64, 36)), Is.NaN);
}
