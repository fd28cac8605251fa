namespace NeuralPost.Hosting;

/// <summary>How <see cref="IFrameCopier.Blit"/> samples when source and destination sizes differ.</summary>
public enum BlitFilter
{
    /// <summary>Nearest texel; an exact copy when the sizes match.</summary>
    Point,

    /// <summary>Bilinear; the hosting layer's stand-in for an upscaler that failed.</summary>
    Bilinear,
}
