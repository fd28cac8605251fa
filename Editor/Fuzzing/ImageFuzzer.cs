using System.Diagnostics;
using System.Globalization;

namespace NeuralPost.Editor.Fuzzing;

/// <summary>
/// The fuzzing loop: mutate a seed, decode it through the documented API, judge the outcome, keep the findings.
/// One thread, so timings are per input and the run is reproducible from its seed.
/// </summary>
internal static class ImageFuzzer
{
    public static FuzzStatistics Run(FuzzSettings settings, IReadOnlyList<FuzzSeed> seeds, TextWriter progress)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(settings.Executions);
        if (seeds.Count == 0)
        {
            throw new ArgumentException("no seeds to fuzz from", nameof(seeds));
        }

        var mutator = new Mutator(seeds, new Random(settings.Seed));
        var oracle = new DecodeOracle(settings.MaxPixels, settings.SlowMilliseconds);
        var statistics = new FuzzStatistics();
        using var files = new FindingFiles(settings.OutFolder);
        long tenth = Math.Max(1, settings.Executions / 10);
        var clock = Stopwatch.StartNew();
        for (long i = 1; i <= settings.Executions; i++)
        {
            var (input, seed) = mutator.Next();
            files.SetCurrent(input);
            var outcome = oracle.Decode(input);
            statistics.Add(outcome, input, seed);
            if (statistics.NewRefusal is not null)
            {
                // One example per distinct refusal message, to see which inputs reach which error.
                var path = files.Write(string.Create(CultureInfo.InvariantCulture, $"refused-{statistics.Refusals.Count:D2}"), input);
                progress.WriteLine($"new refusal: {statistics.NewRefusal}{(path is null ? string.Empty : " -> " + path)}");
            }

            if (outcome.Finding is { } kind)
            {
                var path = files.Write(kind.ToString(), input);
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"finding: {kind} at execution {i:N0} (seed {seed.Name}, {input.Length} bytes, {outcome.Milliseconds:F1} ms): {Describe(outcome.Error)}{(path is null ? string.Empty : " -> " + path)}"));
            }

            if (i % tenth == 0)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fuzz: {i:N0}/{settings.Executions:N0} ({clock.Elapsed.TotalSeconds:F0} s)"));
            }
        }

        statistics.Elapsed = clock.Elapsed;
        if (statistics.Executions > 0)
        {
            files.Write("slowest", statistics.SlowestInput);
        }

        return statistics;
    }

    private static string Describe(Exception? error) =>
        error is null ? "decoded" : $"{error.GetType().Name}: {error.Message.ReplaceLineEndings(" ")}";
}
