using NeuralPost.Core;
using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// Keeps a bilinear, output-size copy of the image at its place in the chain and passes the image on unchanged.
/// Placed first, it captures the render-resolution frame the upscaler is about to consume, so the split view's
/// left half is the bilinear upscale of exactly the pixels the network saw; placed right before dehaze, it
/// captures the hazy frame instead (upscaled, or at render resolution when dehaze runs before the upscaler).
/// Disabled when the split view is off, so it costs nothing then.
/// </summary>
public sealed class SplitViewCapture : Component, IPostProcess
{
    private IGraphicsDevice? _device;
    private ITextureRenderTarget? _captured;

    /// <summary>The last captured frame at the camera's output size, or null before the first.</summary>
    public ITextureRenderTarget? Captured => _captured;

    /// <summary>Gives the pass the device it allocates its capture target on.</summary>
    public void Bind(IGraphicsDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
    }

    /// <inheritdoc/>
    public Size GetOutputSize(Size input, Camera camera) => input;

    /// <inheritdoc/>
    public void OnRenderImage(IRenderTarget source, IRenderTarget destination, PostProcessContext context)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        ArgumentNullException.ThrowIfNull(context);
        var device = _device ?? throw new InvalidOperationException("SplitViewCapture.Bind was not called");
        var size = context.Camera.OutputSize;
        if (_captured is null || _captured.Width != size.Width || _captured.Height != size.Height || _captured.Format != source.Format)
        {
            _captured?.Dispose();
            _captured = null;
            _captured = device.CreateTextureRenderTarget(size.Width, size.Height, source.Format, withDepth: false);
        }

        context.Copier.Blit(source, _captured, BlitFilter.Linear);
        context.Copier.Blit(source, destination, BlitFilter.Nearest);
    }

    /// <inheritdoc/>
    protected override void OnDestroy()
    {
        _captured?.Dispose();
        _captured = null;
    }
}
