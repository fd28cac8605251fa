namespace NeuralPost.Graphics;

/// <summary>How a blit samples the source when the sizes differ.</summary>
public enum BlitFilter
{
    /// <summary>Nearest texel: exact copies, blocky scaling.</summary>
    Nearest,

    /// <summary>Bilinear interpolation between the four nearest texels.</summary>
    Linear,
}
