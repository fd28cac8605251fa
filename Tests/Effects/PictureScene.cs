using NeuralPost.Graphics;
using NeuralPost.Hosting;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Effects;

/// <summary>
/// A scene renderer that "renders" a fixed picture: it blits an RGBA8 target holding the picture into the camera's
/// target, which therefore may have any format (the default half-float scene colour included).
/// </summary>
internal sealed class PictureScene : ISceneRenderer, IDisposable
{
    private readonly IGraphicsDevice _device;
    private readonly ITextureRenderTarget _picture;

    public PictureScene(IGraphicsDevice device, Rgb8Image picture)
    {
        _device = device;
        Picture = picture;
        _picture = device.CreateTextureRenderTarget(picture.Width, picture.Height, TextureFormat.Rgba8, withDepth: false);
        GlPixels.Upload(_picture.Color, picture);
    }

    public Rgb8Image Picture { get; }

    /// <summary>The picture as a render target, to compute expected outputs with blits.</summary>
    public ITextureRenderTarget Target => _picture;

    public void Render(Camera camera, IRenderTarget target, FrameTime time)
    {
        // Checked without NUnit's constraint objects, which would count against the allocation test.
        if (target.Width != _picture.Width || target.Height != _picture.Height)
        {
            throw new AssertionException($"the camera renders at {target.Width}x{target.Height}, the picture is {_picture.Width}x{_picture.Height}");
        }

        _device.Blit(_picture, target, BlitFilter.Nearest);
    }

    public void Dispose() => _picture.Dispose();
}
