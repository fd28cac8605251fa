namespace NeuralPost.Cli.Commands;

/// <summary>
/// Passes the passes' log through and keeps each pass's last "GPU compute cannot run" line, so a benchmark that
/// reports the GPU backend did not run can say why beside its table, not only somewhere above it on stderr.
/// </summary>
internal sealed class GpuFallbackNotes
{
    // NeuralPass's wording: "{PassName}: GPU compute cannot run {model}: {why}; using ONNX Runtime".
    private const string Marker = ": GPU compute cannot run ";

    private readonly Action<string> _log;
    private readonly Dictionary<string, string> _byPass = new(StringComparer.Ordinal);

    /// <summary>Forwards every line to <paramref name="log"/>.</summary>
    public GpuFallbackNotes(Action<string> log)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
    }

    /// <summary>Logs <paramref name="line"/>, keeping it when it says GPU compute cannot run.</summary>
    public void Log(string line)
    {
        var marker = line.IndexOf(Marker, StringComparison.Ordinal);
        if (marker > 0)
        {
            _byPass[line[..marker]] = line;
        }

        _log(line);
    }

    /// <summary>The last such line from the pass named <paramref name="passName"/> (its type name), or null.</summary>
    public string? For(string passName) => _byPass.GetValueOrDefault(passName);
}
