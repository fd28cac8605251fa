using NeuralPost.Core;
using NeuralPost.Samples.FoggyStreets.App;

namespace NeuralPost.Tests.Samples.App;

/// <summary>
/// The backend comparison's figures and the Auto line from hand-made results: which backend ran, the ratios, the
/// geometric mean, and that a backend that fell back gives no figures.
/// </summary>
internal sealed class AutoBackendVerdictTests
{
    private const string Llvmpipe = "Mesa/X.org llvmpipe (LLVM 15.0.6, 256 bits), OpenGL 4.5";
    private static readonly ModelManifest Manifest = ModelManifest.Load(TestPaths.Manifest);

    [Test]
    public void OnASoftwareRendererTheFasterBackendIsNamedWithTheGeometricMeanOfTheWallRatios()
    {
        // gpu/ort wall ratios 2 and 8: geometric mean 4, so ONNX Runtime is 4x faster.
        BackendComparison[] comparisons = [Comparison(ortWall: 100, gpuWall: 200), Comparison(ortWall: 10, gpuWall: 80)];

        Assert.Multiple(() =>
        {
            Assert.That(AutoBackendVerdict.MeanWallRatio(comparisons), Is.EqualTo(4.0).Within(1e-12));
            Assert.That(AutoBackendVerdict.Describe(comparisons, Llvmpipe),
                Does.StartWith("Auto on this software renderer: OnnxRuntime (faster here by 4.00x; geometric mean of frame wall gpu/ort 4.00x over 2 of 2"));
            Assert.That(AutoBackendVerdict.Describe([Comparison(ortWall: 100, gpuWall: 25)], Llvmpipe),
                Does.StartWith("Auto on this software renderer: GpuCompute (faster here by 4.00x;"));
        });
    }

    [Test]
    public void AGpuBackendThatFellBackGivesNoRatioAndTheLineSaysItDidNotRun()
    {
        var fellBack = Comparison(ortWall: 100, gpuWall: 100, gpuRan: false);

        Assert.Multiple(() =>
        {
            Assert.That(fellBack.Gpu.Ran, Is.False);
            Assert.That(fellBack.Gpu.Milliseconds, Is.NaN, "figures of the fallback are not the GPU backend's");
            Assert.That(fellBack.Gpu.GigaFlopsPerSecond, Is.NaN);
            Assert.That(fellBack.WallRatio, Is.NaN);
            Assert.That(AutoBackendVerdict.Describe([fellBack], Llvmpipe), Does.Contain("the GPU backend did not run"));
            Assert.That(AutoBackendVerdict.Describe([fellBack, Comparison(100, 50)], Llvmpipe), Does.Contain("over 1 of 2 measurements"));
        });
    }

    [Test]
    public void OnAHardwareGpuAutoIsGpuComputeByDesign() =>
        Assert.That(AutoBackendVerdict.Describe([Comparison(ortWall: 100, gpuWall: 5)], "NVIDIA H200/PCIe/SSE2, OpenGL 4.6"),
            Does.StartWith("Auto on this hardware GPU: GpuCompute by design (geometric mean of frame wall gpu/ort 0.05x"));

    [Test]
    public void TheGpuPassTimeIsItsTimerTimeAndGflopsPerSecondFollowFromTheCard()
    {
        // imdn-rtc-x2 at 480x270: 2 x 4.975 x 992 x 572 / 1e6 = 5.6456 GFLOP; 10 ms on the GPU timer -> 564.6 GFLOP/s.
        var comparison = Comparison(ortWall: 400, gpuWall: 40, ortInference: 300, gpuInferenceCpu: 0.5, gpuInferenceGpu: 10);

        Assert.Multiple(() =>
        {
            Assert.That(comparison.Ort.Milliseconds, Is.EqualTo(300), "ONNX Runtime runs on the CPU");
            Assert.That(comparison.Gpu.Milliseconds, Is.EqualTo(10), "not the 0.5 ms of recording");
            Assert.That(comparison.Gpu.GigaFlopsPerSecond, Is.EqualTo(2 * 4.975 * 992 * 572 / 1e6 / 0.010).Within(1e-6));
            Assert.That(comparison.MillisecondsRatio, Is.EqualTo(10.0 / 300).Within(1e-12));
            Assert.That(comparison.WallRatio, Is.EqualTo(0.1).Within(1e-12));
        });
    }

    [Test]
    public void WithoutAGpuTimerFigureTheGpuPassCostIsTheWallWithItMinusWithoutIt()
    {
        // The dehaze pass on GPU compute reports no GPU time: 20.43 GFLOP in 300 - 100 ms of wall is 102.2 GFLOP/s.
        var dehaze = new NetworkFigures(
            InferenceBackend.GpuCompute, InferenceBackend.GpuCompute, "dehaze", "dehaze on GPU compute", 20.43,
            CpuMilliseconds: 2, GpuMilliseconds: double.NaN, WallMilliseconds: 300, ChainBytes: 0);

        Assert.Multiple(() =>
        {
            Assert.That(dehaze.Milliseconds, Is.NaN, "without the frame measured without it, unknown");
            Assert.That((dehaze with { WithoutPassWallMilliseconds = 100 }).Milliseconds, Is.EqualTo(200));
            Assert.That((dehaze with { WithoutPassWallMilliseconds = 100 }).MillisecondsSource, Is.EqualTo("wall diff"));
            Assert.That((dehaze with { WithoutPassWallMilliseconds = 100 }).GigaFlopsPerSecond, Is.EqualTo(102.15).Within(1e-9));
            Assert.That((dehaze with { WithoutPassWallMilliseconds = 100, GpuMilliseconds = 150 }).Milliseconds, Is.EqualTo(150), "the timer wins");
            Assert.That((dehaze with { WithoutPassWallMilliseconds = 350 }).Milliseconds, Is.NaN, "a negative difference is noise, not a cost");
            Assert.That((dehaze with { Requested = InferenceBackend.OnnxRuntime, Active = InferenceBackend.OnnxRuntime, WithoutPassWallMilliseconds = 100 }).Milliseconds,
                Is.EqualTo(2), "ONNX Runtime's pass is its CPU time");
        });
    }

    private static BackendComparison Comparison(
        double ortWall, double gpuWall, bool gpuRan = true, double ortInference = 50, double gpuInferenceCpu = 1, double gpuInferenceGpu = 5)
    {
        var ort = Result(InferenceBackend.OnnxRuntime, ortWall, ortInference, double.NaN);
        var gpu = Result(gpuRan ? InferenceBackend.GpuCompute : InferenceBackend.OnnxRuntime, gpuWall, gpuInferenceCpu, gpuInferenceGpu);
        return new BackendComparison(
            "Performance", ort.Render, ort.Output,
            NetworkFigures.Upscaler(ort, InferenceBackend.OnnxRuntime, Manifest), NetworkFigures.Upscaler(gpu, InferenceBackend.GpuCompute, Manifest), ort, gpu);
    }

    private static FrameBenchmarkResult Result(InferenceBackend ran, double wall, double inferenceCpu, double inferenceGpu)
    {
        var rows = FrameBenchmark.Passes
            .Select(p => p == "inference" ? new FrameBenchmarkRow(p, inferenceCpu, inferenceGpu) : new FrameBenchmarkRow(p, double.NaN, double.NaN))
            .ToArray();
        return new FrameBenchmarkResult(UpscaleTier.Performance, new Size(480, 270), new Size(960, 540), "imdn-rtc-x2 on test", 3, rows, wall)
        {
            WallMilliseconds = wall,
            UpscalerModelId = "imdn-rtc-x2",
            UpscalerBackend = ran,
        };
    }
}
