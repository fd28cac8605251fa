using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Effects.Upscale;

namespace NeuralPost.Tests.Effects.Upscale;

/// <summary>Sizes past the stated limits fail with <see cref="SizeLimitException"/> before anything is allocated or run.</summary>
internal sealed class TiledUpscalerLimitTests : OrtTestFixture
{
    [Test]
    public void OutputOverThePixelLimitIsRefusedBeforeTheInputIsRead()
    {
        using var model = ImageNetwork.Load(Ort, TestPaths.TestModel("test-nearest-x4"));
        // The limits are checked before the input's length, so no 8192x8192 tensor is needed to reach them.
        Assert.That(() => new TiledUpscaler(model).Upscale(ReadOnlySpan<float>.Empty, 8192, 8192, 256, 16),
            Throws.TypeOf<SizeLimitException>().With.Message.Contains("x4 of 8192x8192 would be a 32768x32768 image"));
    }

    [Test]
    public void WholeImageTileWhoseTensorExceedsTwoGibibytesIsRefused()
    {
        using var model = ImageNetwork.Load(Ort, TestPaths.TestModel("test-nearest-x2"));
        Assert.That(() => new TiledUpscaler(model).Upscale(ReadOnlySpan<float>.Empty, 8192, 8192, 0, 16),
            Throws.TypeOf<SizeLimitException>().With.Message.Contains("8208x8208 tile (with its edge border) at x2").And.Message.Contains("use smaller tiles"));
    }

    [Test]
    public void BuffersWhoseLengthWouldOverflowAnIntAreRefused()
    {
        using var model = ImageNetwork.Load(Ort, TestPaths.TestModel("test-nearest-x2"));
        // 3 x 32768 x 32768 wrapped negative in 32-bit arithmetic: an OverflowException from the allocation.
        Assert.That(() => model.GetBuffers(16384, 16384), Throws.TypeOf<SizeLimitException>());
    }
}
