using System.Diagnostics;

namespace NeuralPost.Editor.Bench;

/// <summary>
/// A small timing harness: warm up, then time several batches and keep the median, which shrugs off the odd
/// scheduler hiccup on a shared 2-core machine better than the mean.
/// </summary>
internal static class Measure
{
    /// <summary>Median seconds per operation of <paramref name="batch"/>, which performs <paramref name="operations"/> operations.</summary>
    public static double SecondsPerOperation(Action batch, int operations, int batches = 7)
    {
        batch();
        var samples = new double[batches];
        for (var i = 0; i < batches; i++)
        {
            var clock = Stopwatch.StartNew();
            batch();
            samples[i] = clock.Elapsed.TotalSeconds / operations;
        }

        Array.Sort(samples);
        return samples[batches / 2];
    }

    /// <summary>Picks a repetition count so one batch of <paramref name="single"/> takes about <paramref name="target"/>.</summary>
    public static int Calibrate(Action single, TimeSpan target)
    {
        single();
        var clock = Stopwatch.StartNew();
        var count = 0;
        while (clock.Elapsed < target / 4)
        {
            single();
            count++;
        }

        return Math.Max(1, count * 4);
    }
}
