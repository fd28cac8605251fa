using System.CommandLine.Parsing;
using NeuralPost.ImageFiles;

namespace NeuralPost.Editor.Cli;

/// <summary>
/// Checks output image paths while the command line is parsed, so a path we cannot write (say <c>out.tiff</c>)
/// is a usage error (exit 2) before any model is loaded or any pixel computed.
/// </summary>
internal static class ImageOutputValidator
{
    /// <summary>A validator for an argument or option whose values are output image paths.</summary>
    public static void Validate(SymbolResult result)
    {
        foreach (var token in result.Tokens)
        {
            if (!ImageFileFormats.TryFromPath(token.Value, out _))
            {
                result.AddError(new UnsupportedImageFormatException(token.Value).Message);
            }
        }
    }
}
