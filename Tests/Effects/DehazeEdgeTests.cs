using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Effects.Dehaze;
using NeuralPost.Imaging;
using NeuralPost.Tests.Effects.Upscale;

namespace NeuralPost.Tests.Effects;

/// <summary>
/// The shipped dehaze network on flat frames: nothing to restore, so the output must be uniform (one colour
/// within 2 levels at every pixel), offline and on the frame path. Zero padding at the border and the decoder's
/// PixelShuffle pattern both broke that (41 levels of spread on a 64x64 grey before the fix).
/// </summary>
[NonParallelizable]
internal sealed class DehazeEdgeTests : OrtTestFixture
{
    private const int Tolerance = 2;

    private static readonly (byte R, byte G, byte B)[] Colours = [(200, 30, 90), (128, 128, 128), (180, 180, 190)];

    [Test]
    public void AFlatImageComesBackUniformOffline()
    {
        var manifest = TestManifests.Repository();
        var card = manifest.Get("dehaze");
        using var model = ImageNetwork.Load(Ort, manifest.ResolveVerifiedFile(card), expectedScale: 1);
        var dehazer = new OfflineDehazer(model, OfflineDehazer.ReadSizeMultiple(card), EdgePadding.For(card));
        Assert.Multiple(() =>
        {
            foreach (var (width, height) in new[] { (1, 1), (2, 3), (7, 5), (64, 64) })
            {
                foreach (var colour in Colours)
                {
                    var output = dehazer.Process(EdgePaddingTests.Flat(width, height, colour));
                    Assert.That(Spread(output), Is.LessThanOrEqualTo(Tolerance), $"{width}x{height} {colour}");
                }
            }
        });
    }

    [TestCase(7, 5)]
    [TestCase(64, 36)]
    public void AFlatFrameComesBackUniform(int width, int height)
    {
        var colour = ((byte)128, (byte)128, (byte)128);
        using var rig = new EffectTestRig(EdgePaddingTests.Flat(width, height, colour), new Size(width, height), Ort,
            TestManifests.Repository());
        var dehaze = rig.CameraObject.AddComponent<Dehaze>();
        dehaze.Settings.Enabled = true;
        dehaze.Settings.Strength = 1f;
        dehaze.Bind(rig.Services);

        rig.Frame();

        Assert.Multiple(() =>
        {
            Assert.That(dehaze.ActiveModelId, Is.EqualTo("dehaze"), dehaze.Status);
            Assert.That(Spread(rig.ReadDisplay()), Is.LessThanOrEqualTo(Tolerance));
        });
    }

    private static int Spread(Rgb8Image image)
    {
        var worst = 0;
        for (var c = 0; c < 3; c++)
        {
            int min = 255, max = 0;
            for (var i = c; i < image.Data.Length; i += 3)
            {
                min = Math.Min(min, image.Data[i]);
                max = Math.Max(max, image.Data[i]);
            }

            worst = Math.Max(worst, max - min);
        }

        return worst;
    }
}
