using System.CommandLine.Parsing;
using System.Text;
using NeuralPost.Core;
using ScottPlot;

namespace NeuralPost.Editor.Charts;

/// <summary>Writes a chart as SVG or PNG, chosen by the file's extension, aside and renamed into place.</summary>
internal static class ChartFile
{
    /// <summary>Writes <paramref name="plot"/> at <paramref name="width"/> x <paramref name="height"/> pixels.</summary>
    /// <exception cref="ArgumentException">The extension is neither .svg nor .png.</exception>
    /// <exception cref="IOException">The file cannot be written; an existing chart is unchanged.</exception>
    public static void Save(Plot plot, string path, int width, int height)
    {
        var bytes = Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".SVG" => Encoding.UTF8.GetBytes(plot.GetSvgXml(width, height)),
            ".PNG" => plot.GetImageBytes(width, height, ImageFormat.Png),
            _ => throw new ArgumentException(Refusal(path)),
        };
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>A command-line validator: every value must end in .svg or .png (a usage error otherwise).</summary>
    public static void Validate(SymbolResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (Path.GetExtension(token.Value).ToUpperInvariant() is not (".SVG" or ".PNG"))
            {
                result.AddError(Refusal(token.Value));
            }
        }
    }

    private static string Refusal(string path) => $"cannot write chart '{path}': the extension must be .svg or .png";
}
