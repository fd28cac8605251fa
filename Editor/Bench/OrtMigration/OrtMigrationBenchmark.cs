using System.Diagnostics;
using System.Globalization;
using NeuralPost.Core;
using NeuralPost.Onnx;

namespace NeuralPost.Editor.Bench.OrtMigration;

/// <summary>
/// <c>neuralpost bench ort-migration</c>: our hand-written binding against the official package, in one process,
/// on the same native library (the package's), so the figures differ only by the managed binding.
/// Both sides run interleaved, round by round, so drift on the shared machine hits them alike.
/// </summary>
internal static class OrtMigrationBenchmark
{
    private const int TinySize = 8;
    private const int FrameWidth = 480;
    private const int FrameHeight = 270;
    private const int Rounds = 9;

    public static void Run(ModelManifest manifest, int threads, int runs, TextWriter output, TextWriter log)
    {
        // The official package's libonnxruntime, which the managed API also loads; one library for both sides.
        var libraryPath = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "onnxruntime.dll" : "libonnxruntime.so");
        using var environment = new OrtEnvironment(OrtLoggingLevel.Error, library: OrtLibrary.Load(libraryPath));
        var officialVersion = Microsoft.ML.OnnxRuntime.OrtEnv.Instance().GetVersionString();
        output.WriteLine($"native library: {libraryPath} (old binding sees {environment.Library.Version}, official API sees {officialVersion}); intra-op threads: {threads}");

        log.WriteLine("per-call overhead on test-nearest-x2 (1x3x8x8)...");
        var tinyPath = manifest.ResolveVerifiedFile(manifest.Get("test-nearest-x2"));
        using (var old = new OldBindingContender(environment, tinyPath, TinySize, TinySize, 2, threads))
        using (var official = new OfficialContender(tinyPath, TinySize, TinySize, 2, threads))
        {
            Fill(old.Input, official.Input);
            var calls = Measure.Calibrate(old.Run, TimeSpan.FromMilliseconds(100));
            var oldSamples = new List<double>();
            var officialSamples = new List<double>();
            double oldBytes = 0, officialBytes = 0;
            for (var round = 0; round < Rounds; round++)
            {
                // Allocation is read from the last round, after the first ones paid for JIT and lazy native state.
                (var micros, oldBytes) = PerCall(old, calls);
                oldSamples.Add(micros);
                (micros, officialBytes) = PerCall(official, calls);
                officialSamples.Add(micros);
            }

            output.WriteLine("| measurement | old binding | official package | ratio official/old |");
            output.WriteLine("|---|---|---|---|");
            Row(output, $"Run, test-nearest-x2 1x3x8x8, IoBinding, us/call (median of {Rounds} x {calls})",
                Median(oldSamples), Median(officialSamples));
            Row(output, "managed bytes allocated per call", oldBytes, officialBytes);
            Difference(output, "test-nearest-x2", old.Output, official.Output);
        }

        log.WriteLine($"imdn-rtc-x2 on {FrameWidth}x{FrameHeight}...");
        var imdnPath = manifest.ResolveVerifiedFile(manifest.Get("imdn-rtc-x2"));
        using (var old = new OldBindingContender(environment, imdnPath, FrameHeight, FrameWidth, 2, threads))
        using (var official = new OfficialContender(imdnPath, FrameHeight, FrameWidth, 2, threads))
        {
            Fill(old.Input, official.Input);
            old.Run();
            official.Run();
            var oldMs = new List<double>();
            var officialMs = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                oldMs.Add(Millis(old));
                officialMs.Add(Millis(official));
            }

            Row(output, $"imdn-rtc-x2 {FrameWidth}x{FrameHeight} -> {2 * FrameWidth}x{2 * FrameHeight}, ms (median of {runs} after 1 warm-up)",
                Median(oldMs), Median(officialMs));
            Difference(output, "imdn-rtc-x2", old.Output, official.Output);
        }
    }

    private static (double Micros, double Bytes) PerCall(IContender contender, int calls)
    {
        var bytes = GC.GetAllocatedBytesForCurrentThread();
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < calls; i++)
        {
            contender.Run();
        }

        var micros = Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1000 / calls;
        return (micros, (double)(GC.GetAllocatedBytesForCurrentThread() - bytes) / calls);
    }

    private static double Millis(IContender contender)
    {
        var start = Stopwatch.GetTimestamp();
        contender.Run();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    // A deterministic image-like input in [0,1], the same for both sides.
    private static void Fill(float[] a, float[] b)
    {
        var random = new Random(20261130);
        for (var i = 0; i < a.Length; i++)
        {
            a[i] = b[i] = (float)random.NextDouble();
        }
    }

    private static void Difference(TextWriter output, string model, float[] old, float[] official)
    {
        var max = 0.0;
        for (var i = 0; i < old.Length; i++)
        {
            max = Math.Max(max, Math.Abs((double)old[i] - official[i]));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| max abs diff old vs official, {model} output ({old.Length} values) | {max:G4} | {(max == 0 ? "bit-identical" : "differs")} | - |"));
    }

    private static double Median(List<double> samples)
    {
        samples.Sort();
        return samples[samples.Count / 2];
    }

    private static void Row(TextWriter output, string name, double old, double official) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {old:G4} | {official:G4} | {(old == 0 ? "-" : (official / old).ToString("F2", CultureInfo.InvariantCulture))} |"));
}
