using NeuralPost.Imaging;

namespace NeuralPost.Editor.Evaluation;

/// <summary>
/// Frame-to-frame change of a sequence: the mean absolute difference of consecutive frames over every RGB sample,
/// in levels of 255. An upscaler's change minus the HR sequence's is its temporal excess: above zero it adds
/// change the scene did not have (flicker, crawling edges); below zero it smooths real motion away.
/// </summary>
internal sealed class TemporalChange
{
    private Rgb8Image? _previous;
    private double _sum;
    private int _pairs;

    /// <summary>Mean change per consecutive pair so far; 0 before two frames.</summary>
    public double Mean => _pairs == 0 ? 0 : _sum / _pairs;

    /// <summary>Adds the next frame of the sequence.</summary>
    /// <exception cref="ArgumentException">The frame's size differs from the previous one's.</exception>
    public void Add(Rgb8Image frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        if (_previous is not null)
        {
            _sum += MeanAbsoluteDifference(_previous, frame);
            _pairs++;
        }

        _previous = frame;
    }

    /// <summary>Mean absolute difference of two frames of one size over every RGB sample, in levels of 255.</summary>
    /// <exception cref="ArgumentException">The sizes differ.</exception>
    public static double MeanAbsoluteDifference(Rgb8Image a, Rgb8Image b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Width != b.Width || a.Height != b.Height)
        {
            throw new ArgumentException($"frames of {a.Width}x{a.Height} and {b.Width}x{b.Height} cannot be compared", nameof(b));
        }

        long total = 0;
        var x = a.Data;
        var y = b.Data;
        for (var i = 0; i < x.Length; i++)
        {
            total += Math.Abs(x[i] - y[i]);
        }

        return (double)total / x.Length;
    }

    /// <summary>Mean change of <paramref name="frames"/> in order.</summary>
    public static double Of(IEnumerable<Rgb8Image> frames)
    {
        var change = new TemporalChange();
        foreach (var frame in frames)
        {
            change.Add(frame);
        }

        return change.Mean;
    }
}
