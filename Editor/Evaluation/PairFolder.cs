using NeuralPost.Core;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;

namespace NeuralPost.Editor.Evaluation;

/// <summary>A folder of aligned hazy/clear pairs as <c>./neuralpost capture --pairs dehaze</c> writes them.</summary>
internal static class PairFolder
{
    /// <summary>The pairs' file paths in name order.</summary>
    /// <exception cref="NeuralPostException">The folder lacks <c>hazy/</c> or <c>clear/</c>, or holds no PNG.</exception>
    public static IReadOnlyList<(string Name, string Hazy, string Clear)> List(string pairDirectory)
    {
        var hazyDir = Path.Combine(pairDirectory, "hazy");
        var clearDir = Path.Combine(pairDirectory, "clear");
        if (!Directory.Exists(hazyDir) || !Directory.Exists(clearDir))
        {
            throw new NeuralPostException($"{pairDirectory} has no hazy/ and clear/ folders (make them with ./neuralpost capture --pairs dehaze)");
        }

        var files = Directory.GetFiles(hazyDir, "*.png").Order(StringComparer.Ordinal).ToArray();
        if (files.Length == 0)
        {
            throw new NeuralPostException($"no PNG files in {hazyDir}");
        }

        return files.Select(f => (Path.GetFileNameWithoutExtension(f), f, Path.Combine(clearDir, Path.GetFileName(f)))).ToArray();
    }

    /// <summary>Loads one pair as 8-bit RGB.</summary>
    public static (Rgb8Image Hazy, Rgb8Image Clear) Load((string Name, string Hazy, string Clear) pair) =>
        (ImageFile.Load(pair.Hazy), ImageFile.Load(pair.Clear));
}
