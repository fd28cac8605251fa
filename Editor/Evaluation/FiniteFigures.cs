using NeuralPost.Core;

namespace NeuralPost.Editor.Evaluation;

/// <summary>
/// Guards model cards against figures JSON cannot hold: NaN or an infinite PSNR would fail deep in the serializer,
/// or be written as a string no reader expects, so a card gets only finite numbers.
/// </summary>
internal static class FiniteFigures
{
    /// <summary>Throws unless every figure of <paramref name="figures"/> is finite.</summary>
    /// <exception cref="NeuralPostException">A figure is NaN or infinite; the message names it.</exception>
    public static void Require(QualityCard figures, string cardId, string setName)
    {
        foreach (var (name, value) in Figures(figures))
        {
            if (value is { } number && !double.IsFinite(number))
            {
                throw new NeuralPostException($"not writing the card of {cardId}: its {setName} {name} would be {number}, and a card holds only finite figures");
            }
        }
    }

    private static IEnumerable<(string Name, double? Value)> Figures(QualityCard figures)
    {
        yield return ("PSNR", figures.Psnr);
        yield return ("SSIM", figures.Ssim);
        yield return ("bicubic PSNR", figures.BicubicPsnr);
        yield return ("bicubic SSIM", figures.BicubicSsim);
        yield return ("temporal excess", figures.TemporalExcess);
        yield return ("bicubic temporal excess", figures.BicubicTemporalExcess);
        yield return ("hazy PSNR", figures.HazyPsnr);
        yield return ("hazy SSIM", figures.HazySsim);
        yield return ("dark-channel PSNR", figures.DcpPsnr);
        yield return ("dark-channel SSIM", figures.DcpSsim);
        foreach (var (id, compared) in figures.Compared ?? [])
        {
            yield return ($"{id} PSNR", compared.Psnr);
            yield return ($"{id} SSIM", compared.Ssim);
        }
    }
}
