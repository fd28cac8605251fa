using System.CommandLine;

namespace NeuralPost.Editor.Cli;

/// <summary>
/// A closed set of words for an option, compared without regard to case; another word is a usage error (exit 2)
/// reported while the command line is parsed, as "--name must be a or b, not 'word'".
/// </summary>
internal static class ChoiceValidation
{
    public static TOption AcceptOnlyChoices<TOption>(this TOption option, params string[] choices)
        where TOption : Option
    {
        var expected = choices.Length == 1 ? choices[0] : $"{string.Join(", ", choices[..^1])} or {choices[^1]}";
        option.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (!choices.Contains(token.Value, StringComparer.OrdinalIgnoreCase))
                {
                    result.AddError($"{option.Name} must be {expected}, not '{token.Value}'");
                }
            }
        });
        return option;
    }
}
