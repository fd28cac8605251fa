using NeuralPost.Core;

namespace NeuralPost.Tests.Core;

internal sealed class UpscaleTiersTests
{
    // FSR 2's published render resolutions, except Balanced at 4K: the table says 2259x1270, which no single
    // rounding of 3840/1.7 x 2160/1.7 gives; FSR 2's own ffxFsr2GetRenderResolutionFromQualityMode truncates
    // to 2258x1270, and that function is what we match.
    [TestCase(3840, 2160, UpscaleTier.Native, 3840, 2160)]
    [TestCase(3840, 2160, UpscaleTier.Quality, 2560, 1440)]
    [TestCase(3840, 2160, UpscaleTier.Balanced, 2258, 1270)]
    [TestCase(3840, 2160, UpscaleTier.Performance, 1920, 1080)]
    [TestCase(3840, 2160, UpscaleTier.UltraPerformance, 1280, 720)]
    [TestCase(1920, 1080, UpscaleTier.Native, 1920, 1080)]
    [TestCase(1920, 1080, UpscaleTier.Quality, 1280, 720)]
    [TestCase(1920, 1080, UpscaleTier.Balanced, 1129, 635)]
    [TestCase(1920, 1080, UpscaleTier.Performance, 960, 540)]
    [TestCase(1920, 1080, UpscaleTier.UltraPerformance, 640, 360)]
    [TestCase(2560, 1440, UpscaleTier.Quality, 1706, 960)]
    [TestCase(2, 2, UpscaleTier.UltraPerformance, 1, 1)]
    public void RenderResolutionMatchesFsr2(int width, int height, UpscaleTier tier, int renderWidth, int renderHeight) =>
        Assert.That(UpscaleTiers.GetRenderResolution(new Size(width, height), tier), Is.EqualTo(new Size(renderWidth, renderHeight)));

    [Test]
    public void EveryTierHasARowWithAnFsrRatioAndAModelOfTheRightScale()
    {
        var real = new[] { "imdn-x2", "imdn-x3", "imdn-x4", "imdn-rtc-x2", "lapsrn-x2", "lapsrn-x4", "lapsrn-x8" };
        var expectedRatios = new Dictionary<UpscaleTier, float>
        {
            [UpscaleTier.Native] = 1.0f,
            [UpscaleTier.Quality] = 1.5f,
            [UpscaleTier.Balanced] = 1.7f,
            [UpscaleTier.Performance] = 2.0f,
            [UpscaleTier.UltraPerformance] = 3.0f,
        };

        Assert.That(UpscaleTiers.Table.Select(s => s.Tier), Is.EqualTo(Enum.GetValues<UpscaleTier>()));
        foreach (var tier in Enum.GetValues<UpscaleTier>())
        {
            var spec = UpscaleTiers.Get(tier);
            var modelId = UpscaleTiers.GetModelId(tier);
            Assert.Multiple(() =>
            {
                Assert.That(UpscaleTiers.GetRatio(tier), Is.EqualTo(expectedRatios[tier]), tier.ToString());
                if (tier == UpscaleTier.Native)
                {
                    Assert.That(modelId, Is.Null);
                    Assert.That(spec.NetworkScale, Is.EqualTo(1));
                }
                else
                {
                    Assert.That(real, Does.Contain(modelId), tier.ToString());
                    Assert.That(modelId, Does.EndWith($"-x{spec.NetworkScale}"), "the network scale is the model's");
                    Assert.That(spec.NetworkScale, Is.GreaterThanOrEqualTo(spec.Ratio), "the network never leaves upsampling to bilinear");
                }
            });
        }
    }

    [Test]
    public void OnlyTiersWithoutAnIntegerRatioResampleTheNetworkOutput()
    {
        var resampling = UpscaleTiers.Table.Where(s => s.ResamplesNetworkOutput).Select(s => s.Tier);
        Assert.That(resampling, Is.EqualTo(new[] { UpscaleTier.Quality, UpscaleTier.Balanced }));

        var quality = UpscaleTiers.Get(UpscaleTier.Quality);
        var render = UpscaleTiers.GetRenderResolution(new Size(3840, 2160), UpscaleTier.Quality);
        Assert.That(quality.GetNetworkOutputSize(render), Is.EqualTo(new Size(5120, 2880)), "downsampled to 3840x2160");
    }

    [Test]
    public void UndefinedTiersAndEmptyOutputsAreRejected()
    {
        Assert.Multiple(() =>
        {
            Assert.That(() => UpscaleTiers.GetRatio((UpscaleTier)99), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => UpscaleTiers.GetRenderResolution(new Size(0, 1080), UpscaleTier.Quality),
                Throws.InstanceOf<ArgumentOutOfRangeException>());
        });
    }
}
