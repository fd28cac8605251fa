namespace NeuralPost.ImageFiles;

/// <summary>The channels an image file holds, whatever <see cref="ImageFile"/> expands them to in memory.</summary>
public enum ImageChannels
{
    /// <summary>One grey sample per pixel (PNG colour type 0, a greyscale JPEG).</summary>
    Grey,

    /// <summary>Grey and alpha (PNG colour type 4, or grey with a tRNS chunk).</summary>
    GreyAlpha,

    /// <summary>Red, green and blue, opaque (including palette images without transparency).</summary>
    Rgb,

    /// <summary>Red, green, blue and alpha (PNG colour type 6, palette with tRNS, WebP, GIF or BMP with transparency).</summary>
    Rgba,
}
