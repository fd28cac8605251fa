using System.Numerics;
using NeuralPost.Graphics;
using NeuralPost.Graphics.OpenGL;

namespace NeuralPost.Tests.Graphics;

[NonParallelizable]
internal sealed class GlWindowTests
{
    [Test]
    public void WindowClearsAndPresentsARenderTargetByBlit()
    {
        using var display = XvfbDisplay.StartOrIgnore();
        GlWindow window;
        try
        {
            window = GlWindow.Create(64, 48, "NeuralPost test", visible: true, vsync: false);
        }
        catch (GraphicsUnavailableException exception)
        {
            Assert.Ignore($"no OpenGL 4.3 window: {exception.Message}");
            return;
        }

        using (window)
        {
            TestContext.Out.WriteLine($"{window.Device.Description} via {window.Device.Platform}");
            RunWindowChecks(window);
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
