namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>A rectangle of the display in pixels, origin top-left (image convention, as in saved PNGs).</summary>
public readonly record struct OverlayRegion(int X, int Y, int Width, int Height)
{
    /// <summary>Whether pixel (<paramref name="x"/>, <paramref name="y"/>), y down, lies inside.</summary>
    public bool Contains(int x, int y) => x >= X && x < X + Width && y >= Y && y < Y + Height;
}
