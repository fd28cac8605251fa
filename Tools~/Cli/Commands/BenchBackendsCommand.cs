using System.CommandLine;
using NeuralPost.Core;
using NeuralPost.Editor.Cli;
using NeuralPost.Effects;
using NeuralPost.Effects.Upscale;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.Samples.FoggyStreets.App;

namespace NeuralPost.Cli.Commands;

/// <summary>
/// <c>neuralpost bench backends</c>: the sample's frame on ONNX Runtime and on GPU compute in the same run on the same
/// headless device, back to back per tier and output size, as markdown: per-pass medians of both, then per size the
/// network's GFLOP per frame, achieved GFLOP/s (on a software renderer also as a fraction of this CPU's FMA peak),
/// host&lt;-&gt;device bytes and the gpu/ort ratios; last, what <c>Auto</c> should pick on this device. A backend
/// that did not run (GPU compute falling back) is said, never measured on its fallback.
/// </summary>
internal static class BenchBackendsCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var frames = BenchArguments.Frames(10, "tier, size and backend");
        var warmup = BenchArguments.Warmup(2, "tier, size and backend");
        var sizes = BenchArguments.Sizes("Output sizes; each tier renders at its own fraction (Performance: half)", "960x540", "1920x1080");
        var tiers = BenchArguments.Tiers("Tiers to measure", "Quality", "Balanced", "Performance", "UltraPerformance");
        var dehaze = SampleArguments.Choice(
            "--dehaze", "also compare the dehaze pass at render resolution under Performance (or the first of --tiers)", "on", "on", "off");
        var gpuStorage = GpuStorageOption.Create();
        var command = new Command("backends", "ONNX Runtime and GPU compute in one run: per-pass medians, GFLOP per frame, GFLOP/s, host<->device bytes and gpu/ort ratios per tier and size")
        {
            frames, warmup, sizes, tiers, dehaze, gpuStorage,
        };
        command.SetAction(parse =>
        {
            var measured = parse.GetValue(frames);
            var discarded = parse.GetValue(warmup);
            var outputs = BenchArguments.ParseSizes(parse.GetValue(sizes));
            var tierList = BenchArguments.ParseTiers(parse.GetValue(tiers));
            var withDehaze = SampleArguments.ParseOnOff(parse.GetRequiredValue(dehaze), "--dehaze");
            var storage = GpuStorageOption.Parse(parse.GetValue(gpuStorage));
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var passLog = SampleArguments.CreateEnvironment(context);
            var notes = new GpuFallbackNotes(passLog.Log);
            var environment = passLog with { Log = notes.Log };
            using var device = GlDevice.CreateHeadless();
            var software = BackendSelection.IsSoftwareRenderer(device.Description);
            var peak = software ? CpuFmaPeak.TryReadThisMachine() : null;

            context.Out.WriteLine($"device: {device.Description}{(software ? " (software renderer)" : "")}");
            context.Out.WriteLine($"frames: {measured} measured after {discarded} warm-up per tier, size and backend; ort then gpu ({storage} storage), back to back on this device; GPU times need timer queries ({(device.SupportsTimerQueries ? "available" : "unavailable")})");
            if (software)
            {
                context.Out.WriteLine($"CPU fp32 FMA peak: {peak?.Describe() ?? $"unknown ({CpuFmaPeak.CpuInfoPath} unreadable)"}");
            }

            context.Out.WriteLine();
            var all = new List<BackendComparison>();
            foreach (var output in outputs)
            {
                context.Out.WriteLine($"## Output {output}");
                context.Out.WriteLine();

                // Dehaze at render resolution: at 1920x1080 Performance that is 960x540, the size the issue's target names.
                SampleApp CreateApp(InferenceBackend backend) => SampleApp.Create(
                    device, new SampleOptions { OutputSize = output, Overlay = false, DehazePlacement = DehazePlacement.Render, Backend = backend, GpuStorage = storage },
                    environment.Ort, environment.Manifest, environment.Log);
                using var ort = CreateApp(InferenceBackend.OnnxRuntime);
                using var gpu = CreateApp(InferenceBackend.GpuCompute);
                var comparisons = new List<BackendComparison>();
                foreach (var tier in tierList)
                {
                    comparisons.Add(BackendComparison.MeasureUpscaler(ort, gpu, device, environment.Manifest, tier, measured, discarded)
                        with { GpuNote = notes.For(nameof(NeuralUpscaler)) });
                    BackendComparisonTable.WritePasses(comparisons[^1], context.Out);
                    context.Out.Flush();
                }

                if (withDehaze && tierList.Length > 0)
                {
                    var tier = tierList.Contains(UpscaleTier.Performance) ? UpscaleTier.Performance : tierList[0];
                    var withoutDehaze = comparisons[Array.IndexOf(tierList, tier)];
                    comparisons.Add(BackendComparison.MeasureDehaze(ort, gpu, device, environment.Manifest, withoutDehaze, measured, discarded)
                        with { GpuNote = notes.For(nameof(Effects.Dehaze.Dehaze)) });
                    BackendComparisonTable.WritePasses(comparisons[^1], context.Out);
                }

                BackendComparisonTable.WriteSummary(comparisons, software, peak, context.Out);
                all.AddRange(comparisons);
            }

            context.Out.WriteLine(AutoBackendVerdict.Describe(all, device.Description));
            return ExitCodes.Success;
        });
        return command;
    }
}
