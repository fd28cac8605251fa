using NeuralPost.Core;
using NeuralPost.Imaging;

namespace NeuralPost.Effects.Upscale;

/// <summary>
/// Upscales images of any size with a <see cref="ImageNetwork"/> by running it on overlapping tiles
/// (see <see cref="TilePlan"/>) and cross-fading them, so memory stays bounded by the tile size while the result
/// matches a single whole-image run.
/// </summary>
public sealed class TiledUpscaler
{
    private readonly ImageNetwork _model;

    /// <summary>Creates an upscaler over a loaded model; the model stays owned by the caller.</summary>
    public TiledUpscaler(ImageNetwork model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _model = model;
    }

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
        CheckSizes(plan, scale);
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
            var buffers = _model.GetBuffers(tile.InputHeight, tile.InputWidth);
            CopyRegion(input, width, height, tile, buffers.Input);
            _model.Run(buffers);
            if (weightSum is null)
            {
                buffers.Output.CopyTo(output, 0);
            }
            else
            {
                Accumulate(plan, tile, buffers, output, weightSum, weightsX, weightsY, outWidth, outHeight);
            }

            progress?.Report(new TileProgress(i + 1, plan.Tiles.Count));
        }

        if (weightSum is not null)
        {
            Normalize(output, weightSum);
        }

        return output;
    }

    // Both limits are checked before the output is allocated or any tile runs, so an absurd request costs nothing.
    private static void CheckSizes(TilePlan plan, int scale)
    {
        TensorLimits.CheckImage((long)plan.Width * scale, (long)plan.Height * scale, $"x{scale} of {plan.Width}x{plan.Height}");
        var largest = plan.Tiles.MaxBy(tile => (long)tile.InputWidth * tile.InputHeight);
        TensorLimits.CheckBoundTensor((long)largest.InputHeight * scale, (long)largest.InputWidth * scale,
            $"the output of a {largest.InputWidth}x{largest.InputHeight} tile at x{scale}");
    }

    private static void CopyRegion(ReadOnlySpan<float> input, int width, int height, Tile tile, float[] destination)
    {
        var plane = width * height;
        var tilePlane = tile.InputWidth * tile.InputHeight;
        for (var c = 0; c < 3; c++)
        {
            for (var y = 0; y < tile.InputHeight; y++)
            {
                input.Slice(c * plane + (tile.InputY + y) * width + tile.InputX, tile.InputWidth)
                    .CopyTo(destination.AsSpan(c * tilePlane + y * tile.InputWidth, tile.InputWidth));
            }
        }
    }

    private void Accumulate(TilePlan plan, Tile tile, NetworkBuffers buffers, float[] output, float[] weightSum,
        float[] weightsX, float[] weightsY, int outWidth, int outHeight)
    {
        var scale = _model.Scale;
        var x0 = tile.InputX * scale;
        var y0 = tile.InputY * scale;
        var tileWidth = tile.InputWidth * scale;
        var tileHeight = tile.InputHeight * scale;
        for (var x = 0; x < tileWidth; x++)
        {
            weightsX[x] = plan.AxisWeight((x0 + x + 0.5) / scale, tile.CoreX, tile.CoreX + tile.CoreWidth, plan.Width);
        }

        for (var y = 0; y < tileHeight; y++)
        {
            weightsY[y] = plan.AxisWeight((y0 + y + 0.5) / scale, tile.CoreY, tile.CoreY + tile.CoreHeight, plan.Height);
        }

        var outPlane = outWidth * outHeight;
        var tilePlane = tileWidth * tileHeight;
        var source = buffers.Output;
        for (var y = 0; y < tileHeight; y++)
        {
            var wy = weightsY[y];
            if (wy == 0f)
            {
                continue;
            }

            var outRow = (y0 + y) * outWidth + x0;
            var tileRow = y * tileWidth;
            for (var x = 0; x < tileWidth; x++)
            {
                var w = wy * weightsX[x];
                if (w == 0f)
                {
                    continue;
                }

                weightSum[outRow + x] += w;
                for (var c = 0; c < 3; c++)
                {
                    output[c * outPlane + outRow + x] += w * source[c * tilePlane + tileRow + x];
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
