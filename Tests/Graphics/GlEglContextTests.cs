using NeuralPost.Graphics;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.Graphics.OpenGL.Native;

namespace NeuralPost.Tests.Graphics;

[NonParallelizable]
internal sealed class GlEglContextTests
{
    private const int EglBadContext = 0x3006;

    [Test]
    public unsafe void DisposeDestroysTheContextAndKeepsTheSharedDisplayForItsOtherUser()
    {
        var first = CreateOrIgnore();
        using var second = CreateOrIgnore();
        var egl = Egl.Load(GlDevice.DefaultEglLibrary);
        var (display, handle) = (first.Display, first.Handle);
        Assume.That(second.Display, Is.EqualTo(display), "both contexts come from the same EGL platform display");
        first.MakeCurrent();
        Assert.That(first.IsCurrent, Is.True);

        first.Dispose();
        first.Dispose();

        Assert.Multiple(() =>
        {
            Assert.That(first.Handle, Is.EqualTo(nint.Zero));
            Assert.That(egl.GetCurrentContext(), Is.EqualTo(nint.Zero), "the disposed context was released from the thread");
            // EGL validates context handles against the display's live list, so a destroyed one is refused.
            Assert.That(egl.MakeCurrent(display, 0, 0, handle), Is.Zero, "eglMakeCurrent with the destroyed context");
            Assert.That(egl.GetError(), Is.EqualTo(EglBadContext));
        });
        Assert.DoesNotThrow(second.MakeCurrent, "the display stays initialised while the other context uses it");
        Assert.That(second.IsCurrent, Is.True);
    }

    private static GlEglContext CreateOrIgnore()
    {
        try
        {
            return GlEglContext.Create(GlDevice.DefaultEglLibrary, debug: false);
        }
        catch (GraphicsUnavailableException exception)
        {
            Assert.Ignore($"no OpenGL 4.3 context: {exception.Message}");
            throw; // unreachable: Assert.Ignore throws
        }
    }
}
