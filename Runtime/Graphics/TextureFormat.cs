namespace NeuralPost.Graphics;

/// <summary>Pixel formats of textures and render targets, named by channel order and type.</summary>
public enum TextureFormat
{
    /// <summary>8-bit unsigned normalised RGBA (sRGB-agnostic; the frame path treats values as linear [0,1]).</summary>
    Rgba8,

    /// <summary>16-bit float RGBA, for HDR scene colour.</summary>
    Rgba16F,

    /// <summary>32-bit float RGBA.</summary>
    Rgba32F,
}
