using NeuralPost.Graphics;
using NeuralPost.Graphics.OpenGL;

namespace NeuralPost.Tests.Graphics;

/// <summary>Creates the headless device for a test, or marks the test ignored with the reason it could not.</summary>
internal static class GlTestDevice
{
    public static GlDevice CreateOrIgnore()
    {
        try
        {
            return GlDevice.CreateHeadless();
        }
        catch (GraphicsUnavailableException exception)
        {
            Assert.Ignore($"no OpenGL 4.3 context: {exception.Message}");
            throw; // unreachable: Assert.Ignore throws
        }
    }
}
