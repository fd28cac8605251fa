using NeuralPost.Core;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;

namespace NeuralPost.Editor.Evaluation;

/// <summary>One benchmark image: the network's input and the ground truth it is scored against.</summary>
internal sealed record BenchmarkPair(string Name, Rgb8Image Low, Rgb8Image High);

/// <summary>
/// The LR/HR pairs of a benchmark set at one scale. A set ships <c>LR_x&lt;s&gt;</c>/<c>HR_x&lt;s&gt;</c> for
/// x2/x3/x4 only; for another scale (LapSRN's x8) the pairs are made the way the benchmark made its own: the HR
/// image cropped top-left to a multiple of the scale, the LR by MATLAB bicubic. Any shipped <c>HR_x&lt;d&gt;</c>
/// with d dividing the scale is such a crop of the original, so cropping it again gives the original's crop.
/// </summary>
internal sealed class BenchmarkPairs
{
    private readonly string? _lowDirectory;

    private BenchmarkPairs(string? lowDirectory, string highDirectory, int scale, IReadOnlyList<string> names)
    {
        _lowDirectory = lowDirectory;
        HighDirectory = highDirectory;
        Scale = scale;
        Names = names;
    }

    /// <summary>The scale the pairs are for: HR side = LR side x Scale.</summary>
    public int Scale { get; }

    /// <summary>Image names (file names without folder), in ordinal order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>True when the LR images are made here from a shipped HR folder of a divisor scale.</summary>
    public bool Derived => _lowDirectory is null;

    /// <summary>The HR folder the pairs are read (and, when <see cref="Derived"/>, made) from.</summary>
    public string HighDirectory { get; }

    /// <summary>Opens the pairs of <paramref name="setDirectory"/> at <paramref name="scale"/>.</summary>
    /// <exception cref="NeuralPostException">Neither the scale's folders nor an HR folder of a divisor scale exist, or they hold no PNG.</exception>
    public static BenchmarkPairs Open(string setDirectory, int scale)
    {
        var lowDir = Path.Combine(setDirectory, $"LR_x{scale}");
        var highDir = Path.Combine(setDirectory, $"HR_x{scale}");
        if (Directory.Exists(lowDir) && Directory.Exists(highDir))
        {
            return new BenchmarkPairs(lowDir, highDir, scale, PngNames(lowDir));
        }

        // The largest divisor keeps the fewest pixels that a later crop would drop anyway; all give the same crop.
        var source = Enumerable.Range(2, Math.Max(0, scale - 2)).Reverse()
            .Where(d => scale % d == 0)
            .Select(d => Path.Combine(setDirectory, $"HR_x{d}"))
            .FirstOrDefault(Directory.Exists);
        if (source is null)
        {
            throw new NeuralPostException(
                $"{setDirectory} has no LR_x{scale}/HR_x{scale} folders, nor an HR_x<d> folder with d dividing {scale} to make x{scale} pairs from");
        }

        return new BenchmarkPairs(null, source, scale, PngNames(source));
    }

    /// <summary>Loads one pair by name.</summary>
    public BenchmarkPair Load(string name)
    {
        var high = ImageFile.Load(Path.Combine(HighDirectory, name));
        if (_lowDirectory is not null)
        {
            return new BenchmarkPair(name, ImageFile.Load(Path.Combine(_lowDirectory, name)), high);
        }

        if (high.Width < Scale || high.Height < Scale)
        {
            throw new NeuralPostException($"{Path.Combine(HighDirectory, name)} is smaller than the scale {Scale}");
        }

        var cropped = high.Crop(high.Width - high.Width % Scale, high.Height - high.Height % Scale);
        return new BenchmarkPair(name, MatlabBicubic.Downscale(cropped, Scale), cropped);
    }

    private static string[] PngNames(string directory)
    {
        var names = Directory.GetFiles(directory, "*.png").Select(Path.GetFileName).OfType<string>()
            .Order(StringComparer.Ordinal).ToArray();
        if (names.Length == 0)
        {
            throw new NeuralPostException($"no PNG files in {directory}");
        }

        return names;
    }
}
