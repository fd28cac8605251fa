using NeuralPost.Graphics;

namespace NeuralPost.Hosting;

/// <summary>
/// Copies one render target into another, resampling to the destination's size. The graphics backend supplies it;
/// the hosting layer needs it to present a camera without post-processing and to stand in for failed passes.
/// </summary>
public interface IFrameCopier
{
    /// <summary>Writes <paramref name="source"/> over the whole of <paramref name="destination"/>.</summary>
    void Blit(IRenderTarget source, IRenderTarget destination, BlitFilter filter);
}
