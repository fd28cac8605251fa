using NeuralPost.Graphics;

namespace NeuralPost.Effects;

/// <summary>
/// A scratch texture render target that a pass keeps between frames: created on first use and re-created only when
/// the size or format asked for changes, so steady-state frames reuse it.
/// </summary>
internal sealed class TargetSlot : IDisposable
{
    private ITextureRenderTarget? _target;

    /// <summary>The target, (re)created to <paramref name="width"/> x <paramref name="height"/> in <paramref name="format"/>.</summary>
    public ITextureRenderTarget Get(IGraphicsDevice device, int width, int height, TextureFormat format)
    {
        if (_target is { } target && target.Width == width && target.Height == height && target.Format == format)
        {
            return target;
        }

        _target?.Dispose();
        _target = null;
        _target = device.CreateTextureRenderTarget(width, height, format, withDepth: false);
        return _target;
    }

    public void Dispose()
    {
        _target?.Dispose();
        _target = null;
    }
}
