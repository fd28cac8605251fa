namespace NeuralPost.Graphics;

/// <summary>Creates render targets; the hosting layer uses it to size camera and intermediate targets.</summary>
public interface IRenderTargetAllocator
{
    /// <summary>Creates a render target (with a depth buffer when <paramref name="withDepth"/>).</summary>
    IRenderTarget CreateRenderTarget(int width, int height, TextureFormat format, bool withDepth);
}
