using System.Numerics;
using NeuralPost.Graphics;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.Graphics.OpenGL.Native;

namespace NeuralPost.Tests.Graphics;

[NonParallelizable]
internal sealed class GlWindowTests
{
    [Test]
    public void WindowClearsAndPresentsARenderTargetByBlit()
    {
        using var display = XvfbDisplay.StartOrIgnore();
        using var window = CreateOrIgnore(64, 48);
        TestContext.Out.WriteLine($"{window.Device.Description} via {window.Device.Platform}");
        RunWindowChecks(window);
    }

    [Test]
    public unsafe void DisposeDestroysTheWindowAndItsContextWhileAnotherKeepsGlfwAlive()
    {
        using var display = XvfbDisplay.StartOrIgnore();
        using var keeper = CreateOrIgnore(16, 16);
        var window = CreateOrIgnore(32, 32);
        var glfw = Glfw.Load(GlWindow.DefaultGlfwLibrary);
        Assert.That(glfw.GetCurrentContext(), Is.EqualTo(window.Handle), "a new window's context is current");

        window.Dispose();
        window.Dispose();

        // With the keeper open GLFW stays initialised, so a null current context means the window was destroyed
        // (GLFW detaches a current context as it destroys its window), not that GLFW was terminated.
        Assert.Multiple(() =>
        {
            Assert.That(window.Handle, Is.EqualTo(nint.Zero));
            Assert.That(window.Device.IsDisposed, Is.True);
            Assert.That(window.ShouldClose, Is.True, "a disposed window reports closed");
            Assert.That(glfw.GetCurrentContext(), Is.EqualTo(nint.Zero), "the destroyed window's context is no longer current");
            Assert.That(keeper.ShouldClose, Is.False, "the other window is untouched");
        });
    }

    private static GlWindow CreateOrIgnore(int width, int height)
    {
        try
        {
            return GlWindow.Create(width, height, "NeuralPost test", visible: true, vsync: false);
        }
        catch (GraphicsUnavailableException exception)
        {
            Assert.Ignore($"no OpenGL 4.3 window: {exception.Message}");
            throw; // unreachable: Assert.Ignore throws
        }
    }

    private static void RunWindowChecks(GlWindow window)
    {
        var device = window.Device;
        Assert.That(window.BackBuffer.Width, Is.EqualTo(64));
        Assert.That(window.BackBuffer.Height, Is.EqualTo(48));
        using var readback = device.CreateReadbackBuffer(64 * 48 * 4);
        var pixels = new byte[64 * 48 * 4];

        device.SetRenderTarget(window.BackBuffer);
        device.Clear(new Vector4(0, 1, 0, 1));
        readback.StartRead(window.BackBuffer);
        readback.Complete(pixels);
        Assert.That(pixels.AsSpan(0, 4).ToArray(), Is.EqualTo(new byte[] { 0, 255, 0, 255 }), "cleared back buffer");

        using var scene = device.CreateTextureRenderTarget(16, 12, TextureFormat.Rgba8, withDepth: true);
        device.SetRenderTarget(scene);
        device.Clear(new Vector4(1, 0, 0, 1));
        device.Blit(scene, window.BackBuffer, BlitFilter.Nearest);
        readback.StartRead(window.BackBuffer);
        readback.Complete(pixels);
        Assert.Multiple(() =>
        {
            Assert.That(pixels.AsSpan(0, 4).ToArray(), Is.EqualTo(new byte[] { 255, 0, 0, 255 }), "presented corner");
            Assert.That(pixels.AsSpan(((24 * 64) + 32) * 4, 4).ToArray(), Is.EqualTo(new byte[] { 255, 0, 0, 255 }), "presented centre");
        });

        window.Present(scene);
        window.PollEvents();
        Assert.Multiple(() =>
        {
            Assert.That(window.ShouldClose, Is.False);
            Assert.That(window.IsKeyDown(WindowKey.Escape), Is.False);
        });
        window.ShouldClose = true;
        Assert.That(window.ShouldClose, Is.True);
    }
}
