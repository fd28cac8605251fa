namespace NeuralPost.Core;

/// <summary>
/// A width and height in pixels. NeuralPost's own type rather than <c>System.Drawing.Size</c> so the runtime has no
/// dependency on System.Drawing, which Unity's profile does not guarantee.
/// </summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
public readonly record struct Size(int Width, int Height)
{
    /// <summary>True when both sides are at least one pixel, i.e. a render target of this size can exist.</summary>
    public bool IsPositive => Width > 0 && Height > 0;

    /// <summary>Formats as <c>WIDTHxHEIGHT</c>, the way resolutions are written in settings menus and logs.</summary>
    public override string ToString() =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Width}x{Height}");
}
