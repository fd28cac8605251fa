using System.Collections.Concurrent;
using NeuralPost.Onnx;

namespace NeuralPost.Tests.Onnx;

internal sealed class OrtEnvironmentTests
{
    [Test]
    public void VerboseLoggerReceivesMessagesDuringSessionCreation()
    {
        // ORT shares one native environment per process and keeps the first creator's logger; every other test
        // disposes its environment, so this one is the creator.
        var messages = new ConcurrentQueue<OrtLogMessage>();
        using (var env = new OrtEnvironment(OrtLoggingLevel.Verbose, messages.Enqueue, "np-logger-test"))
        using (InferenceSession.FromBytes(env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, 1L, 3L)))
        {
        }

        Assert.That(messages, Is.Not.Empty);
        Assert.That(messages.Any(m => m.Message.Length > 0 && m.CodeLocation.Length > 0), Is.True);
    }

    [Test]
    public void ThrowingLoggerDoesNotCrashTheProcess()
    {
        var calls = 0;
        using var env = new OrtEnvironment(OrtLoggingLevel.Verbose, _ =>
        {
            Interlocked.Increment(ref calls);
            throw new InvalidOperationException("logger failure must stay in the callback");
        });
        using var session = InferenceSession.FromBytes(env, TinyOnnxModel.Scale(2f, TinyOnnxModel.Float, 1L, 3L));
        Assert.That(calls, Is.GreaterThan(0));
    }
}
