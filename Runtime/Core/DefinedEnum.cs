using System.Runtime.CompilerServices;

namespace NeuralPost.Core;

/// <summary>Validation of settings that are enum values: a cast integer that names no member is refused.</summary>
internal static class DefinedEnum
{
    /// <summary>Returns <paramref name="value"/> when it is a defined member of <typeparamref name="T"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">It is not; the message reads "not a defined <paramref name="what"/>".</exception>
    public static T Require<T>(T value, string what, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentOutOfRangeException(paramName, value, $"not a defined {what}");
}
