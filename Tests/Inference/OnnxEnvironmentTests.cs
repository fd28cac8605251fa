using System.Collections.Concurrent;
using NeuralPost.Inference;

namespace NeuralPost.Tests.Inference;

internal sealed class OnnxEnvironmentTests
{
    [TearDown]
    public void RestoreTheTestLog() => TestOnnx.Environment();

    [Test]
    public void OneEnvironmentPerProcessWithTheCpuProvider()
    {
        var first = TestOnnx.Environment();
        var second = OnnxEnvironment.Create(_ => { });
        Assert.Multiple(() =>
        {
            Assert.That(second, Is.SameAs(first));
            Assert.That(first.AvailableProviders, Does.Contain("CPUExecutionProvider"));
            Assert.That(first.Version, Does.StartWith("1.31."));
        });
    }

    [Test]
    public void LogGoesToTheLatestSinkAsOneLineMessages()
    {
        var lines = new ConcurrentQueue<string>();
        var environment = OnnxEnvironment.Create(lines.Enqueue, OnnxLogSeverity.Verbose);
        using (OnnxNetworkRunner.Open(environment, TestPaths.TestModel("test-nearest-x2")))
        {
        }

        Assert.That(lines, Is.Not.Empty);
        Assert.That(lines.ToArray(), Has.All.StartsWith("onnxruntime ").And.All.Not.Contain("\n"));
    }

    [Test]
    public void ThrowingLogDoesNotCrashTheProcess()
    {
        var calls = 0;
        var environment = OnnxEnvironment.Create(_ =>
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("a log failure must stay in the callback");
        }, OnnxLogSeverity.Verbose);
        using (OnnxNetworkRunner.Open(environment, TestPaths.TestModel("test-nearest-x2")))
        {
        }

        Assert.That(calls, Is.GreaterThan(0));
    }
}
