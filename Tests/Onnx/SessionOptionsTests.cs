using NeuralPost.Onnx;

namespace NeuralPost.Tests.Onnx;

internal sealed class SessionOptionsTests
{
    [Test]
    public void UnknownProviderListsTheAvailableOnes()
    {
        using var options = new SessionOptions();
        var error = Assert.Throws<ExecutionProviderUnavailableException>(() => options.AppendExecutionProvider("NoSuchEP"));
        Assert.That(error!.Message, Does.Contain("NoSuchEP").And.Contain("CPUExecutionProvider").And.Not.Contain("\n"));
        Assert.That(options.AppendedProviders, Is.Empty);
    }

    [Test]
    public void CpuNeedsNoAppend()
    {
        using var options = new SessionOptions();
        options.AppendExecutionProvider("CPU");
        Assert.That(options.AppendedProviders, Is.Empty);
    }

    [Test]
    public void PreferenceListSkipsWhatIsMissingInsteadOfThrowing()
    {
        using var options = new SessionOptions();
        var selection = options.AppendExecutionProviders(["NoSuchEP", "CPU"]);
        Assert.That(selection.Appended, Is.EqualTo(new[] { "CPUExecutionProvider" }));
        Assert.That(selection.Skipped, Has.Count.EqualTo(1));
        Assert.That(selection.Skipped[0].Name, Is.EqualTo("NoSuchEP"));
        Assert.That(selection.Skipped[0].Reason, Is.Not.Empty);
    }

    [Test]
    public void GpuFirstPreferenceFallsBackWithoutThrowing()
    {
        // This ONNX Runtime build lists CUDA, but its provider libraries (and a GPU) may be absent: then CUDA must
        // be reported as skipped with ORT's reason, never thrown.
        using var env = new OrtEnvironment(OrtLoggingLevel.Fatal);
        using var options = new SessionOptions();
        var selection = options.AppendExecutionProviders(["CUDA", "CPU"]);
        var cudaAppended = selection.Appended.Contains("CUDAExecutionProvider");
        var cudaSkipped = selection.Skipped.Any(s => s.Name == "CUDA" && s.Reason.Length > 0);
        Assert.That(cudaAppended ^ cudaSkipped, Is.True);
        Assert.That(selection.Appended, Does.Contain("CPUExecutionProvider"));
        Assert.That(options.AppendedProviders.Contains("CUDAExecutionProvider"), Is.EqualTo(cudaAppended));
    }

    [Test]
    public void AppendingBeforeAnyEnvironmentExplainsWhy()
    {
        // ORT's providers log through the logger an environment registers; every other test disposes its environment.
        using var options = new SessionOptions();
        var error = Assert.Throws<InvalidOperationException>(() => options.AppendExecutionProvider("CUDA"));
        Assert.That(error!.Message, Does.Contain(nameof(OrtEnvironment)));
    }

    [Test]
    public void SettingsAreAppliedAndASessionUsesThem()
    {
        using var env = new OrtEnvironment();
        using var options = new SessionOptions
        {
            IntraOpThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.Basic,
            ExecutionMode = ExecutionMode.Sequential,
        };
        options.EnableMemoryPattern(false);
        Assert.That(options.IntraOpThreads, Is.EqualTo(1));
        Assert.That(options.GraphOptimizationLevel, Is.EqualTo(GraphOptimizationLevel.Basic));

        using var session = InferenceSession.FromBytes(env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, 1L, 3L), options);
        Assert.That(session.Inputs[0].Shape, Is.EqualTo(new long[] { 1, 3 }));
    }
}
