using NeuralPost.Graphics;

namespace NeuralPost.Hosting;

/// <summary>
/// Optional companion of <see cref="IPostProcess"/>: a cheaper way to produce the pass's output once the pass has
/// faulted, e.g. a plain sharpen instead of a network. Without it the host blits: bilinear when the pass changes
/// size, a straight copy when it does not.
/// </summary>
public interface IPostProcessFallback
{
    /// <summary>
    /// Writes <paramref name="destination"/> from <paramref name="source"/> without the machinery that failed.
    /// If this throws too, the host logs it once and blits.
    /// </summary>
    void OnRenderImageFallback(IRenderTarget source, IRenderTarget destination, PostProcessContext context);
}
