using NeuralPost.Effects;
using NeuralPost.Core;
using NeuralPost.Editor.Evaluation;
using NeuralPost.Effects.Upscale;

namespace NeuralPost.Tests.Editor;

/// <summary>
/// Every shipped super-resolution network beats MATLAB bicubic on Set5 by the models issue's floor, measured here
/// with the published protocol, and its card states what this measurement gives.
/// </summary>
internal sealed class ShippedModelQualityTests : OrtTestFixture
{
    [TestCase("imdn-x2", 2.5)]
    [TestCase("imdn-x3", 1.5)]
    [TestCase("imdn-x4", 1.5)]
    [TestCase("imdn-rtc-x2", 1.5)]
    [TestCase("lapsrn-x2", 1.5)]
    [TestCase("lapsrn-x4", 1.5)]
    [TestCase("lapsrn-x8", 1.0)]
    [TestCase("rednet10-f32-x2", 1.5)] // RED10 at 32 ch, a reduced RED-Net trained for minutes on the CPU
    [TestCase("drrn-b1u9-f32-x2", 1.5)] // DRRN B1U9 at 32 ch, a reduced DRRN trained for half an hour on the CPU
    [TestCase("drcn-f32r8-x2", 1.5)] // DRCN at 32 ch and 8 recursions, trained for a quarter of an hour on the CPU
    public void BeatsBicubicOnSet5ByTheFloorAndMatchesItsCard(string id, double floorDb)
    {
        var set5 = Path.Combine(TestPaths.BenchmarksOrIgnore(), "Set5");
        var manifest = ModelManifest.Load(TestPaths.Manifest);
        var card = manifest.Get(id);
        using var model = ImageNetwork.Load(Ort, manifest.ResolveVerifiedFile(card), expectedScale: card.Scale);

        var score = SuperResolutionEvaluator.Evaluate(model, set5, card.ReceptiveField ?? 16, _ => { });

        Assert.Multiple(() =>
        {
            Assert.That(score.Psnr - score.BicubicPsnr, Is.GreaterThanOrEqualTo(floorDb),
                $"{id}: {score.Psnr:F2} dB vs bicubic {score.BicubicPsnr:F2} dB");
            Assert.That(card.Metrics, Does.ContainKey("Set5"), $"{id}: the card has no Set5 figures");
            if (card.Metrics is not null && card.Metrics.TryGetValue("Set5", out var stated))
            {
                Assert.That(stated.Psnr, Is.EqualTo(score.Psnr).Within(0.01), $"{id}: card PSNR");
                Assert.That(stated.BicubicPsnr, Is.EqualTo(score.BicubicPsnr).Within(0.01), $"{id}: card bicubic PSNR");
            }
        });
    }
}
