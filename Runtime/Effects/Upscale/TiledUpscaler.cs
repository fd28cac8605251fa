using NeuralPost.Core;
using NeuralPost.Imaging;

namespace NeuralPost.Effects.Upscale;

/// <summary>
/// Upscales images of any size with a <see cref="ImageNetwork"/> by running it on overlapping tiles
/// (see <see cref="TilePlan"/>) and cross-fading them, so memory stays bounded by the tile size while the result
/// matches a single whole-image run. Tiles that touch the image's edge are extended past it by the
/// <see cref="EdgePadding"/> (the image's own edge pixels, or the opposite edge for wrap), and that extension is
/// cropped from their output, so the network's zero padding never reaches a kept pixel.
/// </summary>
public sealed class TiledUpscaler
{
    private readonly ImageNetwork _model;
    private readonly EdgePadding _edges;

    /// <summary>Creates an upscaler over a loaded model; the model stays owned by the caller.</summary>
    /// <param name="model">The network.</param>
    /// <param name="edges">The border beyond the image's edges; null for <see cref="EdgePadding.DefaultBorder"/> pixels replicated (pass the card's, <see cref="EdgePadding.For"/>).</param>
    public TiledUpscaler(ImageNetwork model, EdgePadding? edges = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
        _edges = edges ?? EdgePadding.Default;
    }

    /// <summary>The border the tiles at the image's edges get.</summary>
    public EdgePadding Edges => _edges;

    /// <summary>Upscales an 8-bit image; output is rounded back to 8 bits.</summary>
    /// <param name="image">Input image.</param>
    /// <param name="tileSize">Largest tile core side in input pixels; 0 runs the whole image at once.</param>
    /// <param name="overlap">Context per interior tile side in input pixels; use at least the receptive field.</param>
    /// <param name="progress">Receives a report after each tile.</param>
    /// <param name="cancellationToken">Checked between tiles.</param>
    /// <exception cref="SizeLimitException">
    /// The output would exceed <see cref="TensorLimits.MaxImagePixels"/>, or a tile's tensor <see cref="TensorLimits.MaxBoundTensorBytes"/>; raised before any tile runs.
    /// </exception>
    public Rgb8Image Upscale(Rgb8Image image, int tileSize, int overlap, IProgress<TileProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        var output = Upscale(ImageTensor.ToTensor(image), image.Width, image.Height, tileSize, overlap, progress,
            cancellationToken);
        return ImageTensor.FromTensor(output, image.Width * _model.Scale, image.Height * _model.Scale);
    }

    /// <summary>Upscales an NCHW float tensor (3 planes of <paramref name="width"/> x <paramref name="height"/>).</summary>
    /// <returns>The output tensor, 3 planes of (width*scale) x (height*scale).</returns>
    /// <exception cref="SizeLimitException">
    /// The output would exceed <see cref="TensorLimits.MaxImagePixels"/>, or a tile's tensor <see cref="TensorLimits.MaxBoundTensorBytes"/>; raised before any tile runs.
    /// </exception>
    public float[] Upscale(ReadOnlySpan<float> input, int width, int height, int tileSize, int overlap,
        IProgress<TileProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var plan = TilePlan.Create(width, height, tileSize, overlap);
        var scale = _model.Scale;
        CheckSizes(plan, scale, _edges.Border);
        if (input.Length != 3L * width * height)
        {
            throw new ArgumentException($"input has {input.Length} values, expected 3x{height}x{width}", nameof(input));
        }

        var outWidth = width * scale;
        var outHeight = height * scale;
        var output = new float[3 * outWidth * outHeight];
        var weightSum = plan.Tiles.Count > 1 ? new float[outWidth * outHeight] : null;
        var weightsX = new float[outWidth];
        var weightsY = new float[outHeight];

        for (var i = 0; i < plan.Tiles.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tile = plan.Tiles[i];
            var region = PaddedRegion.Of(tile, width, height, _edges.Border);
            var buffers = _model.GetBuffers(region.Height, region.Width);
            CopyRegion(input, width, height, region, buffers.Input);
            _model.Run(buffers);
            Accumulate(plan, tile, region, buffers, output, weightSum, weightsX, weightsY, outWidth, outHeight);

            progress?.Report(new TileProgress(i + 1, plan.Tiles.Count));
        }

        if (weightSum is not null)
        {
            Normalize(output, weightSum);
        }

        return output;
    }

    // Both limits are checked before the output is allocated or any tile runs, so an absurd request costs nothing.
    private static void CheckSizes(TilePlan plan, int scale, int border)
    {
        TensorLimits.CheckImage((long)plan.Width * scale, (long)plan.Height * scale, $"x{scale} of {plan.Width}x{plan.Height}");
        var largest = plan.Tiles.MaxBy(tile => (long)tile.InputWidth * tile.InputHeight);
        long tileWidth = largest.InputWidth + 2L * border, tileHeight = largest.InputHeight + 2L * border;
        TensorLimits.CheckBoundTensor(tileHeight * scale, tileWidth * scale,
            $"the output of a {tileWidth}x{tileHeight} tile (with its edge border) at x{scale}");
    }

    // Pixels outside the image are read through the edge mode: the image's edge repeated, or its opposite edge.
    private void CopyRegion(ReadOnlySpan<float> input, int width, int height, PaddedRegion region, float[] destination)
    {
        var plane = width * height;
        var regionPlane = region.Width * region.Height;
        var inside = region.Left == 0 && region.Right == 0;
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < region.Height; y++)
            {
                var sourceRow = c * plane + _edges.Map(region.Y + y, height) * width;
                var target = destination.AsSpan(c * regionPlane + y * region.Width, region.Width);
                if (inside)
                {
                    input.Slice(sourceRow + region.X, region.Width).CopyTo(target);
                    continue;
                }

                for (var x = 0; x < region.Width; x++)
                {
                    target[x] = input[sourceRow + _edges.Map(region.X + x, width)];
                }
            }
        }
    }

    // A single tile has nothing to blend with: its weight is 1 everywhere, and weightSum is null.
    private void Accumulate(TilePlan plan, Tile tile, PaddedRegion region, NetworkBuffers buffers, float[] output,
        float[]? weightSum, float[] weightsX, float[] weightsY, int outWidth, int outHeight)
    {
        var scale = _model.Scale;
        var x0 = tile.InputX * scale;
        var y0 = tile.InputY * scale;
        var tileWidth = tile.InputWidth * scale;
        var tileHeight = tile.InputHeight * scale;
        for (var x = 0; x < tileWidth; x++)
        {
            weightsX[x] = weightSum is null ? 1f : plan.AxisWeight((x0 + x + 0.5) / scale, tile.CoreX, tile.CoreX + tile.CoreWidth, plan.Width);
        }

        for (var y = 0; y < tileHeight; y++)
        {
            weightsY[y] = weightSum is null ? 1f : plan.AxisWeight((y0 + y + 0.5) / scale, tile.CoreY, tile.CoreY + tile.CoreHeight, plan.Height);
        }

        var outPlane = outWidth * outHeight;
        // The network's output covers the padded region: skip its border rows and columns.
        var sourceWidth = region.Width * scale;
        var sourcePlane = sourceWidth * region.Height * scale;
        var sourceOrigin = region.Top * scale * sourceWidth + region.Left * scale;
        var source = buffers.Output;
        for (var y = 0; y < tileHeight; y++)
        {
            var wy = weightsY[y];
            if (wy == 0f)
            {
                continue;
            }

            var outRow = (y0 + y) * outWidth + x0;
            var tileRow = sourceOrigin + y * sourceWidth;
            for (var x = 0; x < tileWidth; x++)
            {
                var w = wy * weightsX[x];
                if (w == 0f)
                {
                    continue;
                }

                if (weightSum is not null)
                {
                    weightSum[outRow + x] += w;
                }

                for (var c = 0; c < 3; c++)
                {
                    output[c * outPlane + outRow + x] += w * source[c * sourcePlane + tileRow + x];
                }
            }
        }
    }

    private static void Normalize(float[] output, float[] weightSum)
    {
        var plane = weightSum.Length;
        for (var i = 0; i < plane; i++)
        {
            // Every output pixel lies in some tile's core, where that tile's weight is at least 0.5: the sum is never 0.
            var inverse = 1f / weightSum[i];
            output[i] *= inverse;
            output[plane + i] *= inverse;
            output[2 * plane + i] *= inverse;
        }
    }
}
