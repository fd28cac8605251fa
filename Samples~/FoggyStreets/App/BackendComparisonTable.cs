using System.Globalization;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// Markdown for <see cref="BackendComparison"/>s: per tier the per-pass medians of both backends side by side, and
/// per output size a summary of work, speed, bytes and the gpu/ort ratios. A backend that did not run gets a line
/// saying so and dashes, never figures measured on its fallback.
/// </summary>
public static class BackendComparisonTable
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>
    /// Writes one tier's per-pass medians: CPU and GPU milliseconds per pass for each backend that ran, the app's
    /// frame time and the frame's wall time up to a <c>Finish</c>.
    /// </summary>
    public static void WritePasses(BackendComparison comparison, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        ArgumentNullException.ThrowIfNull(output);
        var frame = comparison.OrtFrame;
        output.WriteLine(string.Create(C, $"### {comparison.Label}: render {comparison.Render} -> output {comparison.Output}, median of {frame.Frames} frames"));
        var ran = new List<(string Name, FrameBenchmarkResult Result)>(2);
        foreach (var (name, figures, result) in new[] { ("ort", comparison.Ort, comparison.OrtFrame), ("gpu", comparison.Gpu, comparison.GpuFrame) })
        {
            output.WriteLine(figures.Ran ? $"{name}: {figures.Status}" : $"{name}: {DidNotRun(figures)}");
            if (!figures.Ran && name == "gpu" && comparison.GpuNote is { } note)
            {
                output.WriteLine($"gpu: why: {note}");
            }
            if (figures.Ran)
            {
                ran.Add((name, result));
            }
        }

        output.WriteLine();
        if (ran.Count == 0)
        {
            return;
        }

        output.WriteLine("| pass |" + string.Concat(ran.Select(r => $" {r.Name} CPU ms | {r.Name} GPU ms |")));
        output.WriteLine("|---|" + string.Concat(ran.Select(_ => "---:|---:|")));
        for (var p = 0; p < FrameBenchmark.Passes.Count; p++)
        {
            output.WriteLine($"| {FrameBenchmark.Passes[p]} |" + string.Concat(ran.Select(r => $" {Ms(r.Result.Rows[p].CpuMilliseconds)} | {Ms(r.Result.Rows[p].GpuMilliseconds)} |")));
        }

        output.WriteLine("| **frame (app's CPU time)** |" + string.Concat(ran.Select(r => $" {Ms(r.Result.FrameMilliseconds)} | |")));
        output.WriteLine("| **frame wall, up to Finish** |" + string.Concat(ran.Select(r => $" {Ms(r.Result.WallMilliseconds)} | |")));
        output.WriteLine();
    }

    /// <summary>
    /// Writes the summary of one output size's comparisons: per backend the network, its GFLOP per frame, the pass's
    /// milliseconds and achieved GFLOP/s, with <paramref name="peak"/> (a software renderer's) the fraction of this
    /// CPU's FMA peak, the frame's wall time and the chain's host&lt;-&gt;device bytes; then the gpu/ort ratios.
    /// </summary>
    /// <param name="comparisons">The comparisons of one output size.</param>
    /// <param name="softwareRenderer">Whether the device is a software renderer: adds the fraction-of-peak column.</param>
    /// <param name="peak">This CPU's peak, or null when unknown (the column then says so).</param>
    /// <param name="output">Where to write.</param>
    public static void WriteSummary(IReadOnlyList<BackendComparison> comparisons, bool softwareRenderer, CpuFmaPeak? peak, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(comparisons);
        ArgumentNullException.ThrowIfNull(output);
        if (comparisons.Count == 0)
        {
            return;
        }

        output.WriteLine(string.Create(C, $"### Backends at output {comparisons[0].Output}: median of {comparisons[0].OrtFrame.Frames} frames"));
        output.WriteLine();
        output.WriteLine("| measured | render | backend | network | GFLOP/frame | pass ms | GFLOP/s |" + (softwareRenderer ? " of CPU FMA peak |" : "") + " frame wall ms | chain bytes/frame |");
        output.WriteLine("|---|---|---|---|---:|---:|---:|" + (softwareRenderer ? "---:|" : "") + "---:|---:|");
        foreach (var comparison in comparisons)
        {
            foreach (var (name, figures) in new[] { ("ort", comparison.Ort), ("gpu", comparison.Gpu) })
            {
                var lead = $"| {comparison.Label} | {comparison.Render} | {name} |";
                if (!figures.Ran)
                {
                    output.WriteLine($"{lead} {DidNotRun(figures)} | - | - | - |" + (softwareRenderer ? " - |" : "") + " - | - |");
                    continue;
                }

                var ms = double.IsNaN(figures.Milliseconds) ? $"- ({figures.MillisecondsSource})" : $"{Ms(figures.Milliseconds)} ({figures.MillisecondsSource})";
                var share = peak is { GigaFlopsPerSecond: > 0 } p ? Percent(figures.GigaFlopsPerSecond / p.GigaFlopsPerSecond) : "unknown";
                output.WriteLine(string.Create(C, $"{lead} {figures.Network} | {Number(figures.GigaFlop, "F2")} | {ms} | {Number(figures.GigaFlopsPerSecond, "F1")} |")
                    + (softwareRenderer ? $" {share} |" : "")
                    + string.Create(C, $" {Ms(figures.WallMilliseconds)} | {Number(figures.ChainBytes, "F0")} |"));
            }

            output.WriteLine($"| {comparison.Label} | {comparison.Render} | gpu/ort | | | {Ratio(comparison.MillisecondsRatio)} | |" + (softwareRenderer ? " |" : "") + $" {Ratio(comparison.WallRatio)} | |");
        }

        output.WriteLine();
        output.WriteLine("GFLOP/frame: 2 x the card's G MACs per output megapixel x the network's output, which includes its edge border " +
            "(the upscaler: (render + 2 x border) x scale). pass ms: the upscaler's inference, or the whole dehaze pass; " +
            "CPU time on ONNX Runtime; on GPU compute, whose dispatches are only recorded on the CPU, the GPU timer's time, or for dehaze without one the frame wall with it minus without it ('wall diff'), '-' where neither is known (then compare the frame wall). " +
            "frame wall: the whole frame up to a Finish, which the benchmark adds and the product does not.");
        output.WriteLine();
    }

    /// <summary>The words for a backend that did not run: its pass's status says what ran instead.</summary>
    public static string DidNotRun(NetworkFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return $"did not run (the pass: {figures.Status})";
    }

    private static string Ms(double value) => Number(value, "F3");

    private static string Number(double value, string format) => double.IsNaN(value) ? "-" : value.ToString(format, C);

    private static string Percent(double fraction) => double.IsNaN(fraction) ? "-" : (fraction * 100).ToString("F1", C) + "%";

    private static string Ratio(double ratio) => double.IsNaN(ratio) ? "-" : ratio.ToString("F2", C) + "x";
}
