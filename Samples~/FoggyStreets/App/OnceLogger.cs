namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// The log the effects and the world write to: each distinct message once, prefixed <c>[neuralpost]</c>. Effects
/// report a lasting condition (model missing, fallback in use) every frame it holds; once is enough for a person.
/// </summary>
public sealed class OnceLogger
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly TextWriter _writer;

    /// <summary>Creates a logger writing to <paramref name="writer"/> (standard error in the CLI).</summary>
    public OnceLogger(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <summary>Writes <paramref name="message"/> unless it was written before.</summary>
    public void Log(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (_seen.Add(message))
        {
            _writer.WriteLine($"[neuralpost] {message}");
        }
    }
}
