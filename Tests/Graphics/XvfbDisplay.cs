namespace NeuralPost.Tests.Graphics;

/// <summary>
/// A private Xvfb server made the process's DISPLAY for the scope of a test, restored on dispose; the test is
/// ignored, with the reason, where no X server can be started.
/// </summary>
internal sealed class XvfbDisplay : IDisposable
{
    private readonly XvfbServer _server;
    private readonly string? _previousDisplay;

    private XvfbDisplay(XvfbServer server)
    {
        _server = server;
        // glfwInit reads DISPLAY through libc, which .NET's SetEnvironmentVariable does not reach; GLFW terminates
        // with its last window, so each test's init sees this value.
        _previousDisplay = Environment.GetEnvironmentVariable("DISPLAY");
        NativeEnvironment.Set("DISPLAY", server.Display);
    }

    public static XvfbDisplay StartOrIgnore()
    {
        var server = XvfbServer.TryStart(out var reason);
        if (server is null)
        {
            Assert.Ignore($"no X server for a window: {reason}");
        }

        return new XvfbDisplay(server!);
    }

    public void Dispose()
    {
        NativeEnvironment.Set("DISPLAY", _previousDisplay);
        _server.Dispose();
    }
}
