using NeuralPost.Effects;
using NeuralPost.Effects.Dehaze;
using NeuralPost.Effects.Upscale;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;
using NeuralPost.Tests.Editor;
using NeuralPost.Inference;
using NeuralPost.Tests.Inference;

namespace NeuralPost.Tests.Effects;

/// <summary>The CPU dehaze path and its CLI (dehaze, eval --dehaze) with same-size analytic networks y = k x.</summary>
internal sealed class OfflineDehazerTests : OrtTestFixture
{
    private static string WriteScaleModel(float factor)
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), $"times-{factor}.onnx");
        File.WriteAllBytes(path, TinyOnnxModel.Scale(factor, TinyOnnxModel.Float, 1L, 3L, "height", "width"));
        return path;
    }

    private static Rgb8Image RandomImage(int width, int height, int seed)
    {
        var image = new Rgb8Image(width, height);
        new Random(seed).NextBytes(image.Data);
        return image;
    }

    [Test]
    public void PaddingToTheSizeMultipleIsCroppedAwayExactly()
    {
        using var model = ImageNetwork.Load(Ort, WriteScaleModel(1f), expectedScale: 1);
        var image = RandomImage(37, 21, seed: 1);
        Assert.That(new OfflineDehazer(model, 16).Process(image).Data, Is.EqualTo(image.Data));
    }

    [Test]
    public void StrengthBlendsTheNetworkOutputWithTheInput()
    {
        using var model = ImageNetwork.Load(Ort, WriteScaleModel(0.5f), expectedScale: 1);
        var image = RandomImage(20, 12, seed: 2);
        var half = new OfflineDehazer(model, 4).Process(image, strength: 0.5f);
        for (var i = 0; i < image.Data.Length; i++)
        {
            Assert.That((double)half.Data[i], Is.EqualTo(image.Data[i] * 0.75).Within(0.51), $"byte {i}");
        }
    }

    [Test]
    public void AnUpscalingNetworkIsNotADehazer()
    {
        using var model = ImageNetwork.Load(Ort, TestPaths.TestModel("test-nearest-x2"));
        Assert.That(() => new OfflineDehazer(model, 1), Throws.InstanceOf<ModelContractException>());
    }

    [Test]
    public void ExtremeFramesGiveFiniteOutput()
    {
        using var model = ImageNetwork.Load(Ort, WriteScaleModel(1f), expectedScale: 1);
        var dehazer = new OfflineDehazer(model, 16);
        var white = new Rgb8Image(33, 17);
        white.Data.AsSpan().Fill(255);
        Assert.That(dehazer.Process(white).Data, Is.All.EqualTo(255));
        Assert.That(dehazer.Process(new Rgb8Image(33, 17)).Data, Is.All.EqualTo(0));
    }

    [Test]
    public void CliDehazesAnImageAndScoresAPairFolderBesideHazyAndDarkChannelPrior()
    {
        var dir = TestPaths.NewTempDirectory();
        var pairs = WritePairs(dir);

        var identity = WriteScaleModel(1f);
        var (code, stdout, err) = CliRunner.Run("eval", "--dehaze", "--model", identity, "--set", pairs);
        Assert.That(code, Is.Zero, err);
        var mean = CliRunner.Lines(stdout).Single(l => l.StartsWith("mean", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(mean[1], Is.EqualTo(mean[4]), "an identity network scores exactly the hazy input");

        var output = Path.Combine(dir, "out.png");
        (code, stdout, err) = CliRunner.Run("dehaze", "--model", identity, Path.Combine(pairs, "hazy", "p0.png"), output);
        Assert.That(code, Is.Zero, err);
        Assert.That(ImageFile.Load(output).Width, Is.EqualTo(48));
    }

    private static string WritePairs(string dir)
    {
        var pairs = Path.Combine(dir, "pairs");
        Directory.CreateDirectory(Path.Combine(pairs, "hazy"));
        Directory.CreateDirectory(Path.Combine(pairs, "clear"));
        for (var i = 0; i < 2; i++)
        {
            var clear = RandomImage(48, 32, seed: 10 + i);
            var hazy = new Rgb8Image(48, 32);
            for (var p = 0; p < clear.Data.Length; p++)
            {
                hazy.Data[p] = (byte)((clear.Data[p] * 0.5) + (0.5 * 200)); // I = J t + A (1 - t), t = 0.5, A = 200
            }

            ImageFile.Save(clear, Path.Combine(pairs, "clear", $"p{i}.png"));
            ImageFile.Save(hazy, Path.Combine(pairs, "hazy", $"p{i}.png"));
        }

        return pairs;
    }

    [Test]
    public void PlacementEvalScoresBothOrdersAgainstTheUpscaledHazyFrame()
    {
        var pairs = WritePairs(TestPaths.NewTempDirectory());
        string[] Means(string model)
        {
            var (code, stdout, err) = CliRunner.Run("eval", "--dehaze", "--model", model, "--upscaler", "test-nearest-x2", "--set", pairs);
            Assert.That(code, Is.Zero, err);
            Assert.That(stdout, Does.Contain("dehaze at render res"));
            return CliRunner.Lines(stdout).Single(l => l.StartsWith("mean", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }

        // split on spaces: mean, render PSNR, /, SSIM, output PSNR, /, SSIM, none PSNR, /, SSIM, ms, ms
        var identity = Means(WriteScaleModel(1f));
        Assert.That((identity[1], identity[4]), Is.EqualTo((identity[7], identity[7])), "an identity network leaves both orders at the upscaled hazy frame");
        var darken = Means(WriteScaleModel(0.5f));
        Assert.That(darken[1], Is.EqualTo(darken[4]), "halving commutes with nearest-neighbour upscaling");
        Assert.That(darken[1], Is.Not.EqualTo(darken[7]), "the dehaze columns score the network, not the hazy frame");
    }

    [TestCase(0)]
    [TestCase(255)]
    [TestCase(235)]
    public void ShippedDehazeNetworkGivesFiniteOutputOnExtremeFrames(int level)
    {
        var manifest = global::NeuralPost.Core.ModelManifest.Load(TestPaths.Manifest);
        if (!manifest.Contains("dehaze"))
        {
            Assert.Ignore("no dehaze model is in Models/models.json");
        }

        var card = manifest.Get("dehaze");
        using var model = ImageNetwork.Load(Ort, manifest.ResolveVerifiedFile(card), expectedScale: 1);
        var multiple = OfflineDehazer.ReadSizeMultiple(card);
        var buffers = model.GetBuffers(2 * multiple, 3 * multiple);
        buffers.Input.AsSpan().Fill(level / 255f); // 235: a wall of dense, bright fog
        model.Run(buffers);
        Assert.That(buffers.Output, Has.All.Matches<float>(float.IsFinite), "the network's raw output has no NaN or infinity");
    }
}
