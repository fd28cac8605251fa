using NeuralPost.Core;

namespace NeuralPost.Editor.Cli;

/// <summary>Which command a model is run by: super-resolution models by <c>upscale</c>, dehaze models by <c>dehaze</c>.</summary>
internal enum ModelUse
{
    Upscale,
    Dehaze,
}

/// <summary>
/// Matches a model to the command it was given to, from its card's <c>kind</c> (or, for a bare file, its scale),
/// so a model given to the wrong command is named with the command it belongs to, not reported by the first
/// tensor shape that fails to fit.
/// </summary>
internal static class ModelUses
{
    private const string SuperResolution = "super-resolution";
    private const string DehazeKind = "dehaze";

    /// <summary>Checks a manifest card against the command it was given to.</summary>
    /// <exception cref="NeuralPostException">The card's kind belongs to another command, or to none.</exception>
    public static void Require(ModelCard card, ModelUse use)
    {
        // Analytic test models have kind "test": they are judged by their scale, as bare files are.
        var kind = card.Kind == "test" ? KindOfScale(card.Scale) : card.Kind;
        Require(card.Id, kind, use);
    }

    /// <summary>Checks a model file without a card, by the scale it was found to have.</summary>
    /// <exception cref="NeuralPostException">The scale belongs to the other command.</exception>
    public static void Require(string name, int scale, ModelUse use) => Require(name, KindOfScale(scale), use);

    private static string KindOfScale(int scale) => scale == 1 ? DehazeKind : SuperResolution;

    private static void Require(string name, string kind, ModelUse use)
    {
        var expected = use == ModelUse.Upscale ? SuperResolution : DehazeKind;
        if (kind == expected)
        {
            return;
        }

        throw new NeuralPostException(kind switch
        {
            SuperResolution => $"{name} is a super-resolution model: use 'neuralpost upscale'",
            DehazeKind => $"{name} is a dehaze model (same-size output): use 'neuralpost dehaze'",
            _ => $"{name} is a '{kind}' model, which no command runs as {expected}",
        });
    }
}
