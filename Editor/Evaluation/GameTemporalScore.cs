using System.Globalization;
using NeuralPost.Imaging;

namespace NeuralPost.Editor.Evaluation;

/// <summary>
/// The game set's temporal figure: frame-to-frame change of the model's and bicubic's upscaled sequences, each
/// minus the HR sequence's (<see cref="TemporalChange"/>), fed one frame of each per pair in path order.
/// </summary>
internal sealed class GameTemporalScore
{
    private readonly TemporalChange _model = new();
    private readonly TemporalChange _bicubic = new();
    private readonly TemporalChange _high = new();

    /// <summary>Mean frame-to-frame change of the HR sequence, levels of 255 over RGB.</summary>
    public double HighChange => _high.Mean;

    /// <summary>The model's change minus the HR sequence's.</summary>
    public double ModelExcess => _model.Mean - _high.Mean;

    /// <summary>Bicubic's change minus the HR sequence's.</summary>
    public double BicubicExcess => _bicubic.Mean - _high.Mean;

    /// <summary>Adds the next frame of the path: the model's output, bicubic's and the HR frame.</summary>
    public void Add(Rgb8Image model, Rgb8Image bicubic, Rgb8Image high)
    {
        _model.Add(model);
        _bicubic.Add(bicubic);
        _high.Add(high);
    }

    /// <summary>The report line, in the PSNR/SSIM table's columns.</summary>
    public string Line() => string.Create(CultureInfo.InvariantCulture,
        $"{"temporal",-12} {"",-10} {$"{ModelExcess:+0.000;-0.000}",28} {$"{BicubicExcess:+0.000;-0.000}",20}   mean |frame-to-frame change| minus HR's ({HighChange:F3}), levels of 255, RGB");
}
