namespace NeuralPost.Effects.Upscale;

/// <summary>
/// A tile's input region widened past the image's edges by an edge border: only sides on the image's edge grow
/// (interior sides already have real context from the overlap).
/// </summary>
/// <param name="X">Left in image pixels; negative where the region extends past the left edge.</param>
/// <param name="Y">Top in image pixels; negative where the region extends past the top edge.</param>
/// <param name="Width">Width including the border.</param>
/// <param name="Height">Height including the border.</param>
/// <param name="Left">Border columns added on the left (0 or the border).</param>
/// <param name="Top">Border rows added on the top.</param>
/// <param name="Right">Border columns added on the right.</param>
internal readonly record struct PaddedRegion(int X, int Y, int Width, int Height, int Left, int Top, int Right)
{
    public static PaddedRegion Of(Tile tile, int imageWidth, int imageHeight, int border)
    {
        var left = tile.InputX == 0 ? border : 0;
        var top = tile.InputY == 0 ? border : 0;
        var right = tile.InputX + tile.InputWidth == imageWidth ? border : 0;
        var bottom = tile.InputY + tile.InputHeight == imageHeight ? border : 0;
        return new(tile.InputX - left, tile.InputY - top, tile.InputWidth + left + right, tile.InputHeight + top + bottom,
            left, top, right);
    }
}
