using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Effects;

/// <summary>The hosting layer's <see cref="IFrameCopier"/> over a graphics device's <see cref="IGraphicsDevice.Blit"/>.</summary>
public sealed class GraphicsFrameCopier : IFrameCopier
{
    private readonly IGraphicsDevice _device;

    /// <summary>Creates a copier that blits on <paramref name="device"/>.</summary>
    public GraphicsFrameCopier(IGraphicsDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
    }

    /// <inheritdoc/>
    public void Blit(IRenderTarget source, IRenderTarget destination, BlitFilter filter) =>
        _device.Blit(source, destination, filter);
}
