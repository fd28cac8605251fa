using System.Globalization;
using NeuralPost.Core;

namespace NeuralPost.Editor.Cli;

/// <summary>Parses <c>WIDTHxHEIGHT</c> option values, for every command that takes a frame size.</summary>
internal static class SizeArgument
{
    /// <summary>Largest side accepted: a 16K frame, beyond which no render target or set is meant to go.</summary>
    public const int MaxSide = 16384;

    /// <summary>Parses <paramref name="text"/> as <c>WIDTHxHEIGHT</c>.</summary>
    /// <exception cref="ArgumentException">Not two whole numbers from 1 to <see cref="MaxSide"/>; the message names <paramref name="option"/>.</exception>
    public static Size Parse(string text, string option)
    {
        var parts = text.Split('x', 'X');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            && width > 0 && height > 0 && width <= MaxSide && height <= MaxSide)
        {
            return new Size(width, height);
        }

        throw new ArgumentException($"{option} must be WIDTHxHEIGHT with sides from 1 to {MaxSide}, e.g. 960x540, not '{text}'");
    }
}
