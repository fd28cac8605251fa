namespace NeuralPost.Imaging;

/// <summary>The channel layout of a decoded PNG image; each value equals its number of channels.</summary>
public enum PngColorKind
{
    /// <summary>One channel: grey.</summary>
    Gray = 1,

    /// <summary>Two channels: grey, alpha.</summary>
    GrayAlpha = 2,

    /// <summary>Three channels: red, green, blue.</summary>
    Rgb = 3,

    /// <summary>Four channels: red, green, blue, alpha.</summary>
    Rgba = 4,
}
