namespace NeuralPost.Graphics;

/// <summary>A render target whose colour lives in a texture that compute passes and samplers can use directly.</summary>
public interface ITextureRenderTarget : IRenderTarget
{
    /// <summary>The colour texture; owned by the target and disposed with it.</summary>
    ITexture Color { get; }

    /// <summary>Whether the target has a depth buffer.</summary>
    bool HasDepth { get; }
}
