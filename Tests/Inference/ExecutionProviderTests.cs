using NeuralPost.Inference;

namespace NeuralPost.Tests.Inference;

internal sealed class ExecutionProviderTests : OrtTestFixture
{
    private static readonly string s_model = TestPaths.TestModel("test-nearest-x2");

    [Test]
    public void CpuNeedsNoEntryAndIsAlwaysTheLastFallback()
    {
        using var runner = OnnxNetworkRunner.Open(Ort, s_model, new RunnerOptions { Providers = ["CPU"] });
        Assert.Multiple(() =>
        {
            Assert.That(runner.ExecutionProvider, Is.EqualTo("CPUExecutionProvider"));
            Assert.That(runner.ProviderSelection.Appended, Is.EqualTo(new[] { "CPUExecutionProvider" }));
            Assert.That(runner.ProviderSelection.Skipped, Is.Empty);
        });
    }

    [Test]
    public void AProviderNotInTheBuildIsSkippedWithTheReasonWhenNotRequired()
    {
        using var runner = OnnxNetworkRunner.Open(Ort, s_model, new RunnerOptions { Providers = ["NoSuchProvider", "CPU"], RequireProviders = false });
        Assert.Multiple(() =>
        {
            Assert.That(runner.ExecutionProvider, Is.EqualTo("CPUExecutionProvider"));
            Assert.That(runner.ProviderSelection.Skipped.Single().Name, Is.EqualTo("NoSuchProvider"));
            Assert.That(runner.ProviderSelection.Skipped.Single().Reason, Does.StartWith("not in this ONNX Runtime build (it has ").And.Contain("CPUExecutionProvider"));
        });
    }

    [Test]
    public void ARequiredProviderNotInTheBuildIsATypedOneLineError()
    {
        var error = Assert.Throws<ExecutionProviderUnavailableException>(() =>
            OnnxNetworkRunner.Open(Ort, s_model, new RunnerOptions { Providers = ["NoSuchProvider"] }));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Provider, Is.EqualTo("NoSuchProvider"));
            Assert.That(error.Message, Does.StartWith("execution provider NoSuchProvider unavailable: not in this ONNX Runtime build").And.Not.Contain("\n"));
        });
    }

    [Test]
    public void CudaRunsTheModelLikeTheCpuWhereTheBuildHasIt()
    {
        if (!Ort.AvailableProviders.Contains("CUDAExecutionProvider"))
        {
            Assert.Ignore("this build has the CPU-only ONNX Runtime; build with -p:NeuralPostCuda=true on a machine with CUDA 13 and cuDNN 9");
        }

        OnnxNetworkRunner cuda;
        try
        {
            cuda = OnnxNetworkRunner.Open(Ort, s_model, new RunnerOptions { Providers = ["CUDA"] });
        }
        catch (ExecutionProviderUnavailableException e)
        {
            // The CUDA build on a machine without a GPU, CUDA 13 or cuDNN 9: the provider is compiled in but cannot start.
            Assert.Ignore($"the CUDA provider is in this build but cannot start here: {e.Reason}");
            return;
        }

        using var cudaRunner = cuda;
        using var cpu = OnnxNetworkRunner.Open(Ort, s_model);
        var (fromCuda, fromCpu) = (RunOnce(cuda), RunOnce(cpu));
        Assert.Multiple(() =>
        {
            Assert.That(cuda.ExecutionProvider, Is.EqualTo("CUDAExecutionProvider"));
            Assert.That(fromCuda, Is.EqualTo(fromCpu));
        });
    }

    private static float[] RunOnce(INetworkRunner runner)
    {
        var (inShape, outShape) = (NchwShape.Rgb(8, 8), NchwShape.Rgb(16, 16));
        var input = Enumerable.Range(0, (int)inShape.ElementCount).Select(i => i / 192f).ToArray();
        var output = new float[outShape.ElementCount];
        using var run = runner.Bind(input, inShape, output, outShape);
        run.Run();
        return output;
    }
}
