using NeuralPost.Core;
using NeuralPost.Effects.Upscale;
using NeuralPost.Imaging;
using NeuralPost.Inference;

namespace NeuralPost.Effects.Dehaze;

/// <summary>
/// Runs a same-size dehaze network on 8-bit images on the CPU, for single images and for evaluation: extends the
/// frame by an edge border (<see cref="EdgePadding"/>) and up to the network's size multiple, runs it, crops back,
/// and blends with the input by a strength, as the <see cref="Dehaze"/> pass does on the GPU path.
/// </summary>
public sealed class OfflineDehazer
{
    private readonly ImageNetwork _model;
    private readonly int _sizeMultiple;
    private readonly EdgePadding _edges;

    /// <summary>Wraps a loaded scale-1 model; the model stays owned by the caller.</summary>
    /// <param name="model">A network whose output has the input's size.</param>
    /// <param name="sizeMultiple">Sides the network needs to divide by (1: any size).</param>
    /// <param name="edges">The border beyond the image's edges; null for <see cref="EdgePadding.DefaultBorder"/> pixels replicated (pass the card's, <see cref="EdgePadding.For"/>).</param>
    public OfflineDehazer(ImageNetwork model, int sizeMultiple, EdgePadding? edges = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(sizeMultiple, 1);
        _edges = edges ?? EdgePadding.Default;
        if (model.Scale != 1)
        {
            throw new ModelContractException($"{model.Path}: a dehaze network keeps the size, this one upscales x{model.Scale}");
        }

        _model = model;
        _sizeMultiple = sizeMultiple;
    }

    /// <summary>The size multiple a card asks for in its <c>sizeMultiple</c> field, 1 when it has none.</summary>
    /// <exception cref="ModelManifestException">The field is not a positive integer.</exception>
    public static int ReadSizeMultiple(ModelCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return card.ExtraInteger(Dehaze.SizeMultipleField, 1, 1, int.MaxValue);
    }

    /// <summary>Dehazes an image; <paramref name="strength"/> 1 gives the network's output, 0 the input.</summary>
    public Rgb8Image Process(Rgb8Image hazy, float strength = 1f)
    {
        ArgumentNullException.ThrowIfNull(hazy);
        ArgumentOutOfRangeException.ThrowIfLessThan(strength, 0f);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(strength, 1f);
        var border = _edges.Border;
        var width = RoundUp(hazy.Width + 2 * border);
        var height = RoundUp(hazy.Height + 2 * border);
        var buffers = _model.GetBuffers(height, width);
        FillPadded(hazy, buffers.Input, width, height, border, _edges);
        _model.Run(buffers);

        var plane = width * height;
        var result = new Rgb8Image(hazy.Width, hazy.Height);
        for (var y = 0; y < hazy.Height; y++)
        {
            for (var x = 0; x < hazy.Width; x++)
            {
                var pixel = (y * hazy.Width + x) * 3;
                for (var c = 0; c < 3; c++)
                {
                    var network = buffers.Output[c * plane + (y + border) * width + x + border];
                    var input = hazy.Data[pixel + c] / 255f;
                    var value = float.IsNaN(network) ? input : input + strength * (network - input);
                    result.Data[pixel + c] = (byte)Math.Round(Math.Clamp(value, 0f, 1f) * 255.0, MidpointRounding.AwayFromZero);
                }
            }
        }

        return result;
    }

    private int RoundUp(int size) => (size + _sizeMultiple - 1) / _sizeMultiple * _sizeMultiple;

    // The image's own edges, not zeros: a black border would read as dense shadow to the network and bleed inwards.
    private static void FillPadded(Rgb8Image image, float[] tensor, int width, int height, int border, EdgePadding edges)
    {
        var plane = width * height;
        for (var y = 0; y < height; y++)
        {
            var sy = edges.Map(y - border, image.Height);
            for (var x = 0; x < width; x++)
            {
                var source = (sy * image.Width + edges.Map(x - border, image.Width)) * 3;
                var target = y * width + x;
                tensor[target] = image.Data[source] / 255f;
                tensor[plane + target] = image.Data[source + 1] / 255f;
                tensor[2 * plane + target] = image.Data[source + 2] / 255f;
            }
        }
    }
}
