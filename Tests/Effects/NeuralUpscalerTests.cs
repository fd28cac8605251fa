using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Effects.Upscale;
using NeuralPost.Graphics;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Effects;

/// <summary>
/// The upscaler in a world on the headless GL device, with the analytic test networks: <c>test-nearest-x2</c> makes
/// the network's output predictable (a nearest-neighbour upscale), so every stage of the round trip is checked.
/// </summary>
[NonParallelizable]
internal sealed class NeuralUpscalerTests : OrtTestFixture
{
    private static readonly Size Display = new(64, 36);

    [TestCase(TextureFormat.Rgba8)]
    [TestCase(TextureFormat.Rgba16F)]
    public void PerformanceSubstitutesTheInstalledX2NetworkAndUpscalesWithIt(TextureFormat cameraFormat)
    {
        var picture = GlPixels.Random(32, 18, seed: 10);
        using var rig = new EffectTestRig(picture, Display, Ort, TestManifests.NearestStandIn(), cameraFormat);
        var upscaler = AddUpscaler(rig, UpscaleTier.Performance);

        rig.Frame();

        Assert.Multiple(() =>
        {
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), GlPixels.NearestUpscale(picture, 2)), Is.LessThanOrEqualTo(1));
            Assert.That(upscaler.ActiveModelId, Is.EqualTo("stand-in-x2"));
            Assert.That(upscaler.Status, Is.EqualTo("stand-in-x2 on CPU EP (substituted for missing imdn-rtc-x2)"));
            Assert.That(rig.Log, Is.EqualTo(new[]
            {
                "NeuralUpscaler: model imdn-rtc-x2 is not installed; substituting stand-in-x2 (x2, kind super-resolution)",
            }));
        });
    }

    [Test]
    public void QualityResamplesTheNetworkOutputToTheOutputSize()
    {
        var picture = GlPixels.Random(42, 24, seed: 11); // 64x36 / 1.5
        using var rig = new EffectTestRig(picture, Display, Ort, TestManifests.NearestStandIn());
        var upscaler = AddUpscaler(rig, UpscaleTier.Quality);

        rig.Frame();

        // Expected: the x2 network's 84x48 output, bilinearly downsampled to 64x36 by the same blit.
        using var network = rig.Device.CreateTextureRenderTarget(84, 48, TextureFormat.Rgba8, withDepth: false);
        using var expected = rig.Device.CreateTextureRenderTarget(Display.Width, Display.Height, TextureFormat.Rgba8, withDepth: false);
        GlPixels.Upload(network.Color, GlPixels.NearestUpscale(picture, 2));
        rig.Device.Blit(network, expected, BlitFilter.Linear);
        var output = rig.ReadDisplay();
        Assert.Multiple(() =>
        {
            Assert.That((output.Width, output.Height), Is.EqualTo((Display.Width, Display.Height)));
            Assert.That(GlPixels.MaxDifference(output, GlPixels.Download(expected.Color)), Is.LessThanOrEqualTo(1));
            Assert.That(upscaler.Status, Is.EqualTo("stand-in-x2 on CPU EP (substituted for missing imdn-x2)"));
            Assert.That(rig.World.Timings.TryGet(PassTimingNames.Resample, out var resample) && resample.Reported, Is.True);
        });
    }

    [Test]
    public void MissingModelWithNothingToSubstituteUpscalesBilinearlyAndLogsOnce()
    {
        var picture = GlPixels.Random(32, 18, seed: 12);
        using var rig = new EffectTestRig(picture, Display, Ort, TestManifests.Empty());
        var upscaler = AddUpscaler(rig, UpscaleTier.Performance);

        for (var i = 0; i < 5; i++)
        {
            rig.Frame();
        }

        Assert.Multiple(() =>
        {
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), rig.BilinearReference()), Is.LessThanOrEqualTo(1));
            Assert.That(upscaler.Status, Does.StartWith("bilinear: model imdn-rtc-x2 not installed"));
            Assert.That(upscaler.ActiveModelId, Is.Null);
            Assert.That(rig.Log, Has.Count.EqualTo(1));
            Assert.That(rig.Log[0], Does.Contain("imdn-rtc-x2").And.Contain("bilinear"));
        });
    }

    [Test]
    public void AnalyticTestModelsAreNeverSubstitutedForAMissingTierModel()
    {
        var picture = GlPixels.Random(32, 18, seed: 19);
        var onlyTestModel = TestManifests.WithModel("test-nearest-x2", "test", 2, File.ReadAllBytes(TestPaths.TestModel("test-nearest-x2")));
        using var rig = new EffectTestRig(picture, Display, Ort, onlyTestModel);
        var upscaler = AddUpscaler(rig, UpscaleTier.Performance);

        rig.Frame();

        Assert.Multiple(() =>
        {
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), rig.BilinearReference()), Is.LessThanOrEqualTo(1));
            Assert.That(upscaler.ActiveModelId, Is.Null);
            Assert.That(upscaler.Status, Does.StartWith("bilinear: model imdn-rtc-x2 not installed"));
        });
    }

    [Test]
    public void InferenceFaultMidRunFallsBackToBilinearForThatFrameOnAndLogsOnce()
    {
        var picture = GlPixels.Random(32, 18, seed: 13);
        using var rig = new EffectTestRig(picture, Display, Ort, TestManifests.Repository());
        var upscaler = AddUpscaler(rig, UpscaleTier.Performance, modelId: "test-nearest-x2");
        var inferences = 0;
        upscaler.InjectInferenceFault = () =>
        {
            if (++inferences == 3)
            {
                throw new InvalidOperationException("injected inference fault");
            }
        };
        var nearest = GlPixels.NearestUpscale(picture, 2);
        var bilinear = rig.BilinearReference();
        Assert.That(GlPixels.MaxDifference(nearest, bilinear), Is.GreaterThan(1), "the two paths must be told apart");

        var differences = new List<(int ToNearest, int ToBilinear)>();
        for (var frame = 1; frame <= 5; frame++)
        {
            Assert.DoesNotThrow(rig.Frame);
            var output = rig.ReadDisplay();
            differences.Add((GlPixels.MaxDifference(output, nearest), GlPixels.MaxDifference(output, bilinear)));
        }

        Assert.Multiple(() =>
        {
            Assert.That(differences[0].ToNearest, Is.LessThanOrEqualTo(1), "frame 1 is the network's");
            Assert.That(differences[1].ToNearest, Is.LessThanOrEqualTo(1), "frame 2 is the network's");
            Assert.That(differences.Skip(2).Select(d => d.ToBilinear), Is.All.LessThanOrEqualTo(1), "frames 3-5 are bilinear");
            Assert.That(inferences, Is.EqualTo(3), "a failed network is not retried every frame");
            Assert.That(rig.Log, Has.Count.EqualTo(1));
            Assert.That(rig.Log[0], Does.Contain("inference failed").And.Contain("injected inference fault"));
            Assert.That(upscaler.Status, Does.StartWith("bilinear: inference failed: InvalidOperationException"));
            Assert.That(upscaler.IsFaulted, Is.False, "the pass handled it; the host never saw an exception");
        });
    }

    [Test]
    public void SteadyStateFramesAllocateNothingAndReportEveryStage()
    {
        var picture = GlPixels.Random(42, 24, seed: 14);
        using var rig = new EffectTestRig(picture, Display, Ort, TestManifests.Repository());
        var upscaler = AddUpscaler(rig, UpscaleTier.Quality, modelId: "test-nearest-x2");
        upscaler.Settings.SharpenAmount = 0.5f; // every stage runs: resample and sharpen too

        rig.Frame();
        rig.Frame();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 5; i++)
        {
            rig.Frame();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        string[] stages =
        [
            PassTimingNames.ImageToTensor, PassTimingNames.Readback, PassTimingNames.Inference, PassTimingNames.Upload,
            PassTimingNames.TensorToImage, PassTimingNames.Resample, PassTimingNames.Sharpen,
        ];
        Assert.Multiple(() =>
        {
            Assert.That(allocated, Is.Zero, "managed bytes allocated by 5 steady-state frames");
            Assert.That(upscaler.ActiveModelId, Is.EqualTo("test-nearest-x2"));
            foreach (var stage in stages)
            {
                Assert.That(rig.World.Timings.TryGet(stage, out var timing) && timing.Reported, Is.True, stage);
                Assert.That(timing.CpuMilliseconds, Is.GreaterThanOrEqualTo(0), stage);
            }

            Assert.That(rig.World.Timings.TryGet(PassTimingNames.Inference, out var inference) && double.IsNaN(inference.GpuMilliseconds),
                Is.True, "inference runs on the CPU and has no GPU time");
        });
    }

    [Test]
    public void GpuFirstPolicyFallsBackToTheCpuProviderAndSaysWhyOnce()
    {
        var picture = GlPixels.Random(32, 18, seed: 15);
        using var rig = new EffectTestRig(picture, Display, Ort, TestManifests.Repository());
        var upscaler = AddUpscaler(rig, UpscaleTier.Performance, "test-nearest-x2", FallbackPolicy.GpuThenCpuThenBilinear);

        rig.Frame();
        upscaler.Settings.ModelId = "test-blur-x2"; // another model loads, trying the GPU again, but the reason is not repeated
        rig.Frame();
        upscaler.Settings.ModelId = "test-nearest-x2";
        rig.Frame();

        Assume.That(upscaler.Status, Does.Not.Contain("CUDA EP"), "this machine's ONNX Runtime has a working CUDA provider");
        Assert.Multiple(() =>
        {
            Assert.That(upscaler.Status, Is.EqualTo("test-nearest-x2 on CPU EP"));
            Assert.That(rig.Log, Has.Count.EqualTo(1));
            Assert.That(rig.Log[0], Does.StartWith("NeuralUpscaler: no GPU inference: CUDAExecutionProvider unavailable (")
                .And.EndWith("); using the CPU execution provider"));
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), GlPixels.NearestUpscale(picture, 2)), Is.LessThanOrEqualTo(1));
        });
    }

    [Test]
    public void ModelThatFailsToLoadUpscalesBilinearlyAndLogsOnce()
    {
        var manifest = TestManifests.WithModel("imdn-rtc-x2", "super-resolution", 2, "not an onnx model"u8.ToArray());
        var picture = GlPixels.Random(32, 18, seed: 19);
        using var rig = new EffectTestRig(picture, Display, Ort, manifest);
        var upscaler = AddUpscaler(rig, UpscaleTier.Performance);

        for (var i = 0; i < 3; i++)
        {
            rig.Frame();
        }

        Assert.Multiple(() =>
        {
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), rig.BilinearReference()), Is.LessThanOrEqualTo(1));
            Assert.That(upscaler.Status, Does.StartWith("bilinear: model imdn-rtc-x2 failed to load: "));
            Assert.That(rig.Log, Has.Count.EqualTo(1));
            Assert.That(upscaler.IsFaulted, Is.False);
        });
    }

    [Test]
    public void NativeCopiesAndSharpensInPlaceOfANetwork()
    {
        var picture = GlPixels.Random(64, 36, seed: 16);
        using var rig = new EffectTestRig(picture, Display, Ort, TestManifests.Repository());
        var upscaler = AddUpscaler(rig, UpscaleTier.Native);

        rig.Frame();
        var copied = rig.ReadDisplay();
        var liveWhileSkipped = rig.Device.LiveResourceCount;
        var activeWhileCopying = upscaler.IsActive();
        upscaler.Settings.SharpenAmount = 1f;
        rig.Frame();
        var sharpened = rig.ReadDisplay();

        Assert.Multiple(() =>
        {
            Assert.That(activeWhileCopying, Is.False, "native without sharpening changes nothing, so the pipeline skips it");
            Assert.That(upscaler.IsActive(), Is.True, "sharpening makes it active");
            Assert.That(rig.Device.LiveResourceCount, Is.GreaterThan(liveWhileSkipped), "a skipped pass allocated none of its GPU resources");
            Assert.That(copied.Data, Is.EqualTo(picture.Data));
            Assert.That(GlPixels.MaxDifference(sharpened, picture), Is.GreaterThan(0));
            Assert.That(upscaler.Status, Is.EqualTo("native (no network)"));
            Assert.That(upscaler.ActiveModelId, Is.Null);
            Assert.That(rig.Log, Is.Empty);
        });
    }

    [Test]
    public void UnboundUpscalerRendersBilinearly()
    {
        var picture = GlPixels.Random(32, 18, seed: 17);
        using var rig = new EffectTestRig(picture, Display, Ort, TestManifests.Repository());
        var upscaler = rig.CameraObject.AddComponent<NeuralUpscaler>();
        upscaler.Settings.Tier = UpscaleTier.Performance;

        rig.Frame();

        Assert.Multiple(() =>
        {
            Assert.That(GlPixels.MaxDifference(rig.ReadDisplay(), rig.BilinearReference()), Is.LessThanOrEqualTo(1));
            Assert.That(upscaler.Status, Does.StartWith("bilinear: not bound"));
        });
    }

    [Test]
    [Explicit("benchmark: prints per-stage timings for 480x270 -> 960x540")]
    public void PrintsStageTimingsAt960x540()
    {
        var picture = GlPixels.Random(480, 270, seed: 18);
        using var rig = new EffectTestRig(picture, new Size(960, 540), Ort, TestManifests.Repository());
        var upscaler = AddUpscaler(rig, UpscaleTier.Performance, modelId: "test-nearest-x2");
        upscaler.Settings.SharpenAmount = 0.5f;
        const int frames = 20;
        var names = new[]
        {
            PassTimingNames.ImageToTensor, PassTimingNames.Readback, PassTimingNames.Inference, PassTimingNames.Upload,
            PassTimingNames.TensorToImage, PassTimingNames.Resample, PassTimingNames.Sharpen,
        };
        var cpu = new double[names.Length];
        var gpu = new double[names.Length];
        var gpuCount = new int[names.Length];
        for (var i = 0; i < 3; i++)
        {
            rig.Frame();
        }

        var wall = System.Diagnostics.Stopwatch.StartNew();
        for (var frame = 0; frame < frames; frame++)
        {
            rig.Frame();
            for (var n = 0; n < names.Length; n++)
            {
                if (rig.World.Timings.TryGet(names[n], out var timing) && timing.Reported)
                {
                    cpu[n] += timing.CpuMilliseconds;
                    if (!double.IsNaN(timing.GpuMilliseconds))
                    {
                        gpu[n] += timing.GpuMilliseconds;
                        gpuCount[n]++;
                    }
                }
            }
        }

        rig.Device.Finish();
        TestContext.Out.WriteLine($"{rig.Device.Description}; {upscaler.Status}; {frames} frames, {wall.Elapsed.TotalMilliseconds / frames:F2} ms/frame wall");
        for (var n = 0; n < names.Length; n++)
        {
            var gpuText = gpuCount[n] > 0 ? $"{gpu[n] / gpuCount[n],8:F2}" : "     n/a";
            TestContext.Out.WriteLine($"{names[n],-14} cpu {cpu[n] / frames,8:F2} ms  gpu {gpuText} ms");
        }
    }

    private NeuralUpscaler AddUpscaler(EffectTestRig rig, UpscaleTier tier, string? modelId = null,
        FallbackPolicy policy = FallbackPolicy.CpuThenBilinear)
    {
        var upscaler = rig.CameraObject.AddComponent<NeuralUpscaler>();
        upscaler.Settings.Tier = tier;
        upscaler.Settings.ModelId = modelId;
        upscaler.Settings.FallbackPolicy = policy;
        upscaler.Bind(rig.Services);
        Assert.That(rig.Camera.RenderResolution, Is.EqualTo(new Size(rig.Scene.Picture.Width, rig.Scene.Picture.Height)),
            "the test picture has the tier's render resolution");
        return upscaler;
    }
}
