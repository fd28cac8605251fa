using NeuralPost.Graphics;

namespace NeuralPost.Effects;

/// <summary>Where compute kernels can read a frame and write a result, given the passes' render-target contract.</summary>
internal static class FrameTextures
{
    /// <summary>
    /// The texture to sample <paramref name="source"/> from: its own colour texture when the backend exposes it (the
    /// GL backend's targets all do), otherwise a copy blitted into <paramref name="scratch"/>.
    /// </summary>
    public static ITexture Readable(IGraphicsDevice device, IRenderTarget source, TargetSlot scratch)
    {
        if (source is ITextureRenderTarget textured)
        {
            return textured.Color;
        }

        var copy = scratch.Get(device, source.Width, source.Height, source.Format);
        device.Blit(source, copy, BlitFilter.Nearest);
        return copy.Color;
    }

    /// <summary>
    /// The texture a kernel can write <paramref name="destination"/>'s pixels into directly, or null when it must
    /// write a scratch target and blit (the destination hides its texture, or it is the texture being read).
    /// </summary>
    public static ITexture? Writable(IRenderTarget destination, ITexture readingFrom) =>
        destination is ITextureRenderTarget textured && !ReferenceEquals(textured.Color, readingFrom)
            ? textured.Color
            : null;
}
