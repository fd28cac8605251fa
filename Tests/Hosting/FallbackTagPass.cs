using NeuralPost.Graphics;
using NeuralPost.Hosting;

namespace NeuralPost.Tests.Hosting;

/// <summary>A <see cref="TagPass"/> with its own fallback, which marks the image as "TAG-fallback".</summary>
internal sealed class FallbackTagPass : TagPass, IPostProcessFallback
{
    public bool FallbackThrows { get; set; }

    public void OnRenderImageFallback(IRenderTarget source, IRenderTarget destination, PostProcessContext context)
    {
        if (FallbackThrows)
        {
            throw new InvalidOperationException($"{Tag} fallback is broken");
        }

        ((FakeRenderTarget)destination).Derive((FakeRenderTarget)source, Tag + "-fallback");
    }
}
