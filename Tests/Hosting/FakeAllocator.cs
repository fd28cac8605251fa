using NeuralPost.Graphics;

namespace NeuralPost.Tests.Hosting;

/// <summary>Allocates <see cref="FakeRenderTarget"/>s and remembers them, to count allocations and disposals.</summary>
internal sealed class FakeAllocator : IRenderTargetAllocator
{
    public List<FakeRenderTarget> Created { get; } = [];

    public int Live => Created.Count(t => !t.IsDisposed);

    public IRenderTarget CreateRenderTarget(int width, int height, TextureFormat format, bool withDepth)
    {
        var target = new FakeRenderTarget(width, height, format, withDepth, Created.Count);
        Created.Add(target);
        return target;
    }
}
