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
        Assert.That((target.Width, target.Height), Is.EqualTo((_picture.Width, _picture.Height)), "the camera renders at the picture's size");
        _device.Blit(_picture, target, BlitFilter.Nearest);
    }

    public void Dispose() => _picture.Dispose();
}
