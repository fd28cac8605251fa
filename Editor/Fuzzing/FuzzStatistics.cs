using System.Globalization;
using System.Text.RegularExpressions;

namespace NeuralPost.Editor.Fuzzing;

/// <summary>What a fuzzing run saw: counts, findings by kind, refusals by message, the slowest and hungriest inputs.</summary>
internal sealed partial class FuzzStatistics
{
    private readonly Dictionary<string, long> _refusals = new(StringComparer.Ordinal);

    public long Executions { get; private set; }

    public long Accepted { get; private set; }

    public long Refused => Executions - Accepted - FindingCount;

    public Dictionary<FindingKind, long> Findings { get; } = [];

    public long FindingCount => Findings.Values.Sum();

    public double SlowestMilliseconds { get; private set; }

    public byte[] SlowestInput { get; private set; } = [];

    public string SlowestSeed { get; private set; } = string.Empty;

    public long PeakAllocatedBytes { get; private set; }

    public TimeSpan Elapsed { get; set; }

    public IReadOnlyDictionary<string, long> Refusals => _refusals;

    /// <summary>The refusal message of the last outcome added when no earlier input was refused with it, else null.</summary>
    public string? NewRefusal { get; private set; }

    /// <summary>Counts one outcome; returns true when the input is the slowest so far.</summary>
    public bool Add(DecodeOutcome outcome, byte[] input, FuzzSeed seed)
    {
        NewRefusal = null;
        Executions++;
        PeakAllocatedBytes = Math.Max(PeakAllocatedBytes, outcome.AllocatedBytes);
        if (outcome.Finding is { } kind)
        {
            Findings[kind] = Findings.GetValueOrDefault(kind) + 1;
        }
        else if (outcome.Accepted)
        {
            Accepted++;
        }
        else
        {
            var problem = Digits().Replace(outcome.Error!.Message[(DecodeOracle.InputName.Length + 2)..], "N");
            long seen = _refusals.GetValueOrDefault(problem);
            _refusals[problem] = seen + 1;
            NewRefusal = seen == 0 ? problem : null;
        }

        if (outcome.Milliseconds <= SlowestMilliseconds)
        {
            return false;
        }

        (SlowestMilliseconds, SlowestInput, SlowestSeed) = (outcome.Milliseconds, input, seed.Name);
        return true;
    }

    public void Print(TextWriter output, long peakWorkingSetBytes, long maxPixels)
    {
        var c = CultureInfo.InvariantCulture;
        double seconds = Elapsed.TotalSeconds;
        output.WriteLine(string.Create(c, $"executions: {Executions:N0} in {seconds:F1} s ({Executions / Math.Max(seconds, 1e-9):N0}/s)"));
        output.WriteLine(string.Create(c, $"accepted: {Accepted:N0}, refused with a documented error: {Refused:N0}"));
        output.WriteLine(string.Create(c, $"findings: {FindingCount:N0}") + (FindingCount == 0 ? string.Empty
            : " (" + string.Join(", ", Findings.OrderBy(f => f.Key).Select(f => string.Create(c, $"{f.Key} {f.Value:N0}"))) + ")"));
        output.WriteLine(string.Create(c, $"slowest input: {SlowestMilliseconds:F1} ms (from {SlowestSeed})"));
        output.WriteLine(string.Create(c,
            $"peak managed allocation per input: {PeakAllocatedBytes / 1048576.0:F2} MiB (pixel limit {maxPixels:N0}); peak working set: {peakWorkingSetBytes / 1048576.0:F0} MiB"));
        output.WriteLine("refusals by message:");
        foreach (var (message, count) in _refusals.OrderByDescending(r => r.Value).Take(12))
        {
            output.WriteLine(string.Create(c, $"  {count,9:N0}  {message}"));
        }
    }

    [GeneratedRegex("[0-9]+")]
    private static partial Regex Digits();
}
