using NeuralPost.Effects;
using NeuralPost.Core;
using NeuralPost.Effects.Upscale;
using NeuralPost.Inference;

namespace NeuralPost.Editor.Evaluation;

/// <summary>Outcome of checking one manifest entry.</summary>
internal sealed record ValidationResult(string Id, bool Passed, string Detail);

/// <summary>
/// Checks manifest entries against their files: present, hash, loads, tensor names, the scale observed on a
/// probe image, and optionally that <c>eval</c> still reproduces the card's figures.
/// </summary>
internal static class ModelValidator
{
    private const double PsnrTolerance = 0.01;
    private const double SsimTolerance = 0.0001;

    public static ValidationResult Validate(ModelManifest manifest, ModelCard card, OnnxEnvironment environment, bool reEvaluate)
    {
        try
        {
            var path = manifest.ResolveVerifiedFile(card);
            using var model = ImageNetwork.Load(environment, path, expectedScale: card.Scale);
            var names = CheckNames(card, OnnxModelInfo.Read(environment, path));
            if (names is not null)
            {
                return new ValidationResult(card.Id, false, names);
            }

            var detail = $"sha256 ok, loads, x{model.Scale} observed";
            // Dehaze figures come from rendered held-out pairs that are regenerated, not shipped: see the card.
            if (reEvaluate && card.Kind != "dehaze" && card.Metrics is { Count: > 0 })
            {
                foreach (var (set, expected) in card.Metrics)
                {
                    // The game set is rendered, not shipped (like the dehaze pairs), and this host may have no renderer.
                    if (set == GameSetDefinition.SetName)
                    {
                        detail += ", game figures not re-rendered (eval --set game)";
                        continue;
                    }

                    var actual = SuperResolutionEvaluator.Evaluate(model, SuperResolutionEvaluator.ResolveSet(set),
                        card.ReceptiveField ?? 16, _ => { }, edges: EdgePadding.For(card));
                    var mismatch = Compare(set, expected, actual);
                    if (mismatch is not null)
                    {
                        return new ValidationResult(card.Id, false, mismatch);
                    }

                    detail += $", {set} {actual.Psnr:F2} dB reproduced";
                }
            }

            return new ValidationResult(card.Id, true, detail);
        }
        catch (NeuralPostException e)
        {
            return new ValidationResult(card.Id, false, e.Message.ReplaceLineEndings(" "));
        }
    }

    private static string? CheckNames(ModelCard card, (IReadOnlyList<TensorDescription> Inputs, IReadOnlyList<TensorDescription> Outputs) info)
    {
        var input = info.Inputs[0].Name;
        var output = info.Outputs[0].Name;
        if (card.Input is { } i && i.Name != input)
        {
            return $"card says input '{i.Name}', the model's is '{input}'";
        }

        return card.Output is { } o && o.Name != output ? $"card says output '{o.Name}', the model's is '{output}'" : null;
    }

    private static string? Compare(string set, QualityCard expected, SetScore actual)
    {
        var fields = new (string Name, double? Card, double Measured, double Tolerance)[]
        {
            ("PSNR", expected.Psnr, actual.Psnr, PsnrTolerance),
            ("SSIM", expected.Ssim, actual.Ssim, SsimTolerance),
            ("bicubic PSNR", expected.BicubicPsnr, actual.BicubicPsnr, PsnrTolerance),
            ("bicubic SSIM", expected.BicubicSsim, actual.BicubicSsim, SsimTolerance),
        };
        foreach (var (name, card, measured, tolerance) in fields)
        {
            // The card stores rounded figures (2 decimals for dB, 4 for SSIM): allow the rounding on top.
            if (card is { } value && Math.Abs(value - measured) > tolerance)
            {
                return $"{set} {name}: card {card}, measured {measured:F4}";
            }
        }

        return null;
    }
}
