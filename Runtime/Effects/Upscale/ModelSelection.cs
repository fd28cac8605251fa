using NeuralPost.Core;

namespace NeuralPost.Effects.Upscale;

/// <summary>
/// Which manifest card the upscaler runs for a requested model id: the card itself when installed, otherwise an
/// installed trained super-resolution network of the same scale (first in manifest order), so a tier keeps
/// upscaling with what is there instead of dropping to bilinear. Analytic test models (kind <c>test</c>) are never
/// substituted: a nearest-neighbour network looks worse than the bilinear fallback. They run only when asked for
/// by id.
/// </summary>
/// <param name="RequestedId">The id the settings asked for.</param>
/// <param name="Card">The card to run, or null when nothing fits.</param>
/// <param name="Reason">Why <paramref name="Card"/> is null; null otherwise.</param>
internal sealed record ModelSelection(string RequestedId, ModelCard? Card, string? Reason)
{
    private const string SubstituteKind = "super-resolution";

    /// <summary>Whether <see cref="Card"/> stands in for a missing <see cref="RequestedId"/>.</summary>
    public bool IsSubstitute => Card is not null && Card.Id != RequestedId;

    /// <summary>Selects a card for <paramref name="requestedId"/>, whose network upscales by <paramref name="networkScale"/>.</summary>
    public static ModelSelection Select(ModelManifest manifest, string requestedId, int networkScale)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        if (manifest.Contains(requestedId))
        {
            return new ModelSelection(requestedId, manifest.Get(requestedId), null);
        }

        foreach (var card in manifest.Models)
        {
            if (card.Scale == networkScale && string.Equals(card.Kind, SubstituteKind, StringComparison.Ordinal))
            {
                return new ModelSelection(requestedId, card, null);
            }
        }

        return new ModelSelection(requestedId, null, $"model {requestedId} not installed and no x{networkScale} network to substitute");
    }
}
