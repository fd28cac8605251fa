using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Tests.Hosting;

/// <summary>Nearest-neighbour CPU blit that records each call's filter in the destination's content.</summary>
internal sealed class FakeCopier : IFrameCopier
{
    public List<(IRenderTarget Source, IRenderTarget Destination, BlitFilter Filter)> Calls { get; } = [];

    public void Blit(IRenderTarget source, IRenderTarget destination, BlitFilter filter)
    {
        Calls.Add((source, destination, filter));
        var from = (FakeRenderTarget)source;
        var to = (FakeRenderTarget)destination;
        for (var y = 0; y < to.Height; y++)
        {
            var sy = y * from.Height / to.Height;
            for (var x = 0; x < to.Width; x++)
            {
                var sx = x * from.Width / to.Width;
                Array.Copy(from.Pixels, ((sy * from.Width) + sx) * 4, to.Pixels, ((y * to.Width) + x) * 4, 4);
            }
        }

        to.Derive(from, $"blit:{filter}");
    }
}
