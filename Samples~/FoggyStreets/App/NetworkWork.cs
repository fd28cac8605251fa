using NeuralPost.Core;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// A network's arithmetic for one frame, from its card: GFLOP = 2 x <see cref="ModelCard.GigaMacsPerOutputMegapixel"/>
/// x the megapixels the network outputs. The network runs on its input with the card's edge border
/// (<see cref="EdgePadding.For"/>) on every side, so it outputs (input + 2 x border) x scale per axis: that is the
/// work done, and what achieved GFLOP/s is measured against.
/// </summary>
public static class NetworkWork
{
    /// <summary>The size the network outputs for frames of <paramref name="input"/> (the pass's input: render size for the upscaler).</summary>
    /// <exception cref="ModelManifestException">The card's edge border is malformed.</exception>
    public static Size NetworkOutput(ModelCard card, Size input)
    {
        ArgumentNullException.ThrowIfNull(card);
        var border = EdgePadding.For(card).Border;
        return new Size((input.Width + (2 * border)) * card.Scale, (input.Height + (2 * border)) * card.Scale);
    }

    /// <summary>GFLOP per frame of <paramref name="input"/>; NaN when the card has no MAC count.</summary>
    /// <exception cref="ModelManifestException">The card's edge border is malformed.</exception>
    public static double GigaFlopPerFrame(ModelCard card, Size input)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.GigaMacsPerOutputMegapixel is not { } macs)
        {
            return double.NaN;
        }

        var output = NetworkOutput(card, input);
        return 2.0 * macs * ((double)output.Width * output.Height / 1e6);
    }
}
