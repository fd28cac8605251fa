using NeuralPost.Core;
using NeuralPost.Effects;
using NeuralPost.Effects.Dehaze;
using NeuralPost.Effects.Upscale;
using NeuralPost.Imaging;
using NeuralPost.Inference;
using NeuralPost.Tests.Inference;

namespace NeuralPost.Tests.Effects.GpuBackend;

/// <summary>
/// Shared set-up of the GPU-backend tests: a manifest with an x2 upscaler (<c>stand-in-x2</c>, nearest neighbour)
/// and a dehaze network (<c>y = 0.5 x</c>) that ONNX Runtime can run, and passes bound to services whose GPU
/// runners are <see cref="FakeGpuRunner"/>s.
/// </summary>
internal static class GpuBackendRig
{
    public const string UpscalerId = "stand-in-x2";

    /// <summary>The two-model manifest.</summary>
    public static ModelManifest Manifest()
    {
        var directory = TestPaths.NewTempDirectory();
        var upscaler = Path.Combine(directory, UpscalerId + ".onnx");
        File.Copy(TestPaths.TestModel("test-nearest-x2"), upscaler);
        var dehaze = Path.Combine(directory, "dehaze.onnx");
        File.WriteAllBytes(dehaze, TinyOnnxModel.Scale(0.5f, TinyOnnxModel.Float, 1L, 3L, "height", "width"));
        var path = Path.Combine(directory, "models.json");
        File.WriteAllText(path, $$"""
            { "schemaVersion": 1, "models": [
              { "id": "{{UpscalerId}}", "file": "{{UpscalerId}}.onnx", "sha256": "{{ModelManifest.ComputeSha256(upscaler)}}",
                "kind": "super-resolution", "scale": 2 },
              { "id": "dehaze", "file": "dehaze.onnx", "sha256": "{{ModelManifest.ComputeSha256(dehaze)}}",
                "kind": "dehaze", "scale": 1 } ] }
            """);
        return ModelManifest.Load(path);
    }

    /// <summary>
    /// Services whose GPU runners are fakes: the upscaler's (scale 2) writes <paramref name="upscalerOutput"/>, the
    /// dehaze network's (scale 1) <paramref name="dehazeOutput"/>. Every runner opened is added to <paramref name="opened"/>.
    /// </summary>
    public static EffectServices WithFakes(EffectServices services, List<FakeGpuRunner> opened,
        FakeGpuOutput upscalerOutput = FakeGpuOutput.Nearest, FakeGpuOutput dehazeOutput = FakeGpuOutput.Half) =>
        services with
        {
            OpenGpuRunner = (device, path, _) =>
            {
                var isDehaze = Path.GetFileName(path) == "dehaze.onnx";
                var runner = new FakeGpuRunner(device, isDehaze ? 1 : 2, isDehaze ? dehazeOutput : upscalerOutput);
                opened.Add(runner);
                return runner;
            },
        };

    public static NeuralUpscaler AddUpscaler(EffectTestRig rig, EffectServices services, InferenceBackend backend)
    {
        var upscaler = rig.CameraObject.AddComponent<NeuralUpscaler>();
        upscaler.Settings.Tier = UpscaleTier.Performance;
        upscaler.Settings.ModelId = UpscalerId;
        upscaler.Settings.FallbackPolicy = FallbackPolicy.CpuThenBilinear;
        upscaler.Settings.Backend = backend;
        upscaler.Bind(services);
        return upscaler;
    }

    public static Dehaze AddDehaze(EffectTestRig rig, EffectServices services, InferenceBackend backend, float strength = 0.5f)
    {
        var dehaze = rig.CameraObject.AddComponent<Dehaze>();
        dehaze.Settings.Enabled = true;
        dehaze.Settings.Strength = strength;
        dehaze.Settings.Backend = backend;
        dehaze.Bind(services);
        return dehaze;
    }

    /// <summary>What the upscaler (nearest x2) then dehaze at <paramref name="strength"/> (mix(x, 0.5 x, s)) give.</summary>
    public static Rgb8Image UpscaledThenDehazed(Rgb8Image picture, float strength)
    {
        var up = GlPixels.NearestUpscale(picture, 2);
        var factor = 1 - (0.5 * strength);
        for (var i = 0; i < up.Data.Length; i++)
        {
            up.Data[i] = (byte)Math.Round(up.Data[i] * factor, MidpointRounding.AwayFromZero);
        }

        return up;
    }

    /// <summary>Floats in an RGB tensor of w x h, as bytes.</summary>
    public static long TensorBytes(int width, int height) => 3L * width * height * sizeof(float);
}
