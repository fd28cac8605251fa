using NeuralPost.Graphics;
using NeuralPost.Graphics.OpenGL;
using Silk.NET.OpenGL;

namespace NeuralPost.Tests.Graphics;

[NonParallelizable]
internal sealed class GlErrorTests
{
    [Test]
    public void CheckErrorNamesTheOperationAndTheError()
    {
        using var device = GlTestDevice.CreateOrIgnore();
        device.Gl.Enable((EnableCap)0xFFFF);
        var exception = Assert.Throws<GraphicsException>(() => device.CheckError("enabling nonsense"));
        Assert.That(exception!.Message, Does.Contain("enabling nonsense").And.Contain("GL_INVALID_ENUM"));
        Assert.DoesNotThrow(() => device.CheckError("after draining"));
    }

    [Test]
    public void DebugOutputReachesTheLogger()
    {
        var messages = new List<(GraphicsDebugSeverity Severity, string Text)>();
        GlDevice device;
        try
        {
            device = GlDevice.CreateHeadless(debugLog: (severity, text) => messages.Add((severity, text)));
        }
        catch (GraphicsUnavailableException exception)
        {
            Assert.Ignore($"no OpenGL 4.3 context: {exception.Message}");
            return;
        }

        using (device)
        {
            device.Gl.Enable((EnableCap)0xFFFF);
            Assert.Throws<GraphicsException>(() => device.CheckError("enabling nonsense"));
        }

        Assert.That(messages, Has.Some.Matches<(GraphicsDebugSeverity Severity, string Text)>(m => m.Severity == GraphicsDebugSeverity.High));
    }
}
