using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace NeuralPost.Editor.Cli;

/// <summary>
/// Stated ranges for numeric options, checked while the command line is parsed: a value outside is a usage error
/// (exit 2) naming the range, before any file is read, any model loaded or any size computed from it.
/// </summary>
/// <remarks>
/// The validators read the tokens themselves: they run even when a token is not a number at all, and that case
/// is already reported by the parser's own conversion error.
/// </remarks>
internal static class OptionRange
{
    /// <summary>Accepts only integers from <paramref name="min"/> to <paramref name="max"/>; returns the option.</summary>
    public static Option<int> Within(this Option<int> option, int min, int max)
    {
        option.Validators.Add(result => CheckIntegers(result, option.Name, min, max));
        return option;
    }

    /// <summary>Accepts only integers from <paramref name="min"/> to <paramref name="max"/> (or no value); returns the option.</summary>
    public static Option<int?> Within(this Option<int?> option, int min, int max)
    {
        option.Validators.Add(result => CheckIntegers(result, option.Name, min, max));
        return option;
    }

    /// <summary>Accepts only finite numbers from <paramref name="min"/> to <paramref name="max"/>; returns the option.</summary>
    public static Option<float> Within(this Option<float> option, float min, float max)
    {
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                // NaN compares false with both bounds, so it is refused by name rather than slipping through.
                if (float.TryParse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                    && (!float.IsFinite(value) || value < min || value > max))
                {
                    result.AddError(string.Create(CultureInfo.InvariantCulture, $"{option.Name} must be from {min} to {max}, not {token.Value}"));
                }
            }
        });
        return option;
    }

    private static void CheckIntegers(OptionResult result, string name, int min, int max)
    {
        foreach (var token in result.Tokens)
        {
            if (int.TryParse(token.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && (value < min || value > max))
            {
                result.AddError(string.Create(CultureInfo.InvariantCulture, $"{name} must be from {min} to {max}, not {value}"));
            }
        }
    }
}
