using NeuralPost.Core;

namespace NeuralPost.Tests.Core;

/// <summary>Validation of the upscaler and dehaze settings (named for the tiers filter the suite is run with).</summary>
internal sealed class TiersSettingsValidationTests
{
    [Test]
    public void UpscalerDefaultsAreQualityWithTheFullFallbackChain()
    {
        var settings = new NeuralUpscalerSettings();
        Assert.Multiple(() =>
        {
            Assert.That(settings.Tier, Is.EqualTo(UpscaleTier.Quality));
            Assert.That(settings.FallbackPolicy, Is.EqualTo(FallbackPolicy.GpuThenCpuThenBilinear));
            Assert.That(settings.SharpenAmount, Is.Zero);
            Assert.That(settings.ResolveModelId(), Is.EqualTo("imdn-x2"));
            Assert.That(settings.IsActive());
        });
    }

    [TestCase(-0.01f)]
    [TestCase(1.01f)]
    [TestCase(float.NaN)]
    [TestCase(float.PositiveInfinity)]
    public void OutOfRangeFractionsThrowAndLeaveTheValue(float value)
    {
        var upscaler = new NeuralUpscalerSettings { SharpenAmount = 0.3f };
        var dehaze = new DehazeSettings { Strength = 0.6f };
        Assert.Multiple(() =>
        {
            Assert.That(() => upscaler.SharpenAmount = value, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => dehaze.Strength = value, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(upscaler.SharpenAmount, Is.EqualTo(0.3f));
            Assert.That(dehaze.Strength, Is.EqualTo(0.6f));
        });
    }

    [TestCase(0f)]
    [TestCase(1f)]
    public void RangeEndsAreAccepted(float value)
    {
        Assert.That(new NeuralUpscalerSettings { SharpenAmount = value }.SharpenAmount, Is.EqualTo(value));
        Assert.That(new DehazeSettings { Strength = value }.Strength, Is.EqualTo(value));
    }

    [Test]
    public void UndefinedEnumsAndBlankIdsAreRejected()
    {
        var upscaler = new NeuralUpscalerSettings();
        var dehaze = new DehazeSettings();
        Assert.Multiple(() =>
        {
            Assert.That(() => upscaler.Tier = (UpscaleTier)7, Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => upscaler.FallbackPolicy = (FallbackPolicy)(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
            Assert.That(() => upscaler.ModelId = " ", Throws.ArgumentException);
            Assert.That(() => dehaze.ModelId = "", Throws.ArgumentException);
        });
    }

    [Test]
    public void AModelOverrideReplacesTheTiersNetworkButNotItsRenderSize()
    {
        var settings = new NeuralUpscalerSettings { Tier = UpscaleTier.Performance, ModelId = "lapsrn-x4" };
        Assert.Multiple(() =>
        {
            Assert.That(settings.ResolveModelId(), Is.EqualTo("lapsrn-x4"));
            Assert.That(settings.GetRenderResolution(new Size(1920, 1080)), Is.EqualTo(new Size(960, 540)));
        });

        settings.ModelId = null;
        Assert.That(settings.ResolveModelId(), Is.EqualTo("imdn-rtc-x2"));
    }

    [Test]
    public void IsActiveReflectsWhetherThePassChangesTheImage()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new NeuralUpscalerSettings { Tier = UpscaleTier.Native }.IsActive(), Is.False);
            Assert.That(new NeuralUpscalerSettings { Tier = UpscaleTier.Native, SharpenAmount = 0.2f }.IsActive());
            Assert.That(new DehazeSettings().IsActive(), Is.False, "dehaze is opt-in");
            Assert.That(new DehazeSettings { Enabled = true }.IsActive());
            Assert.That(new DehazeSettings { Enabled = true, Strength = 0f }.IsActive(), Is.False);
            Assert.That(new DehazeSettings().ModelId, Is.EqualTo("dehaze"));
        });
    }
}
