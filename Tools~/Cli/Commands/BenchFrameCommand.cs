using System.CommandLine;
using NeuralPost.Core;
using NeuralPost.Editor.Cli;
using NeuralPost.Effects;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.Samples.FoggyStreets.App;

namespace NeuralPost.Cli.Commands;

/// <summary>
/// <c>neuralpost bench frame</c>: the sample's frame path headless, per tier, as markdown tables of median per-pass
/// milliseconds and the share of the frame spent outside inference (dehaze off); then, for one tier, the frame with
/// dehaze after the upscaler at output resolution and before it at render resolution, side by side.
/// </summary>
internal static class BenchFrameCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var frames = BenchArguments.Frames(30, "tier");
        var warmup = BenchArguments.Warmup(5, "tier");
        var size = new Option<string>("--size") { Description = "Output size WIDTHxHEIGHT; each tier renders at its own fraction (Performance: half, 480x270 for 960x540)", DefaultValueFactory = _ => "960x540" };
        var tiers = BenchArguments.Tiers("Tiers to measure", "Quality", "Balanced", "Performance", "UltraPerformance");
        var dehaze = SampleArguments.Choice(
            "--dehaze", "after the tier tables, time dehaze on the Performance tier (or the first in --tiers) at output resolution, render resolution, both, or not at all",
            "both", "off", "output", "render", "both");

        var backend = BackendOption.Create("on the benchmark's headless device", defaultValue: null, absent: "auto: GPU compute on a hardware GPU, the benchmark's choice on llvmpipe");
        var gpuStorage = GpuStorageOption.Create();
        var command = new Command("frame", "Per-pass medians of the sample's frame (render, image->tensor, readback, inference, upload, tensor->image, resample, sharpen, dehaze) per tier, then dehaze at output vs render resolution")
        {
            frames, warmup, size, tiers, dehaze, backend, gpuStorage,
        };
        command.SetAction(parse =>
        {
            var measured = parse.GetValue(frames);
            var discarded = parse.GetValue(warmup);

            var output = SampleArguments.ParseSize(parse.GetRequiredValue(size), "--size");
            var tierList = BenchArguments.ParseTiers(parse.GetValue(tiers));
            var placements = DehazePlacements(parse.GetRequiredValue(dehaze));
            var inference = BackendOption.Parse(parse.GetValue(backend), InferenceBackend.Auto);
            var storage = GpuStorageOption.Parse(parse.GetValue(gpuStorage));
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var environment = SampleArguments.CreateEnvironment(context);
            using var device = GlDevice.CreateHeadless();
            SampleApp CreateApp(DehazePlacement placement) => SampleApp.Create(
                device, new SampleOptions { OutputSize = output, Overlay = false, DehazePlacement = placement, Backend = inference, GpuStorage = storage },
                environment.Ort, environment.Manifest, environment.Log);

            context.Out.WriteLine($"device: {device.Description}");
            context.Out.WriteLine($"backend: {inference} (tries {BackendSelection.Resolve(inference, device.Description)} first; the upscaler's status line says what ran); GPU compute storage: {storage}");
            context.Out.WriteLine($"frames: {measured} measured after {discarded} warm-up per tier, output {output}; GPU times need timer queries ({(device.SupportsTimerQueries ? "available" : "unavailable")})");
            context.Out.WriteLine();
            using (var app = CreateApp(DehazePlacement.Output))
            {
                foreach (var tier in tierList)
                {
                    FrameBenchmark.WriteMarkdown(FrameBenchmark.Run(app, device, tier, measured, discarded, dehaze: false), context.Out);
                }
            }

            if (placements.Length > 0 && tierList.Length > 0)
            {
                var tier = tierList.Contains(UpscaleTier.Performance) ? UpscaleTier.Performance : tierList[0];
                var results = new List<FrameBenchmarkResult>();
                foreach (var placement in placements)
                {
                    // Placement is fixed when the app is built: one app per placement.
                    using var placed = CreateApp(placement);
                    results.Add(FrameBenchmark.Run(placed, device, tier, measured, discarded, dehaze: true));
                }

                FrameBenchmark.WriteDehazeComparison(results, context.Out);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static DehazePlacement[] DehazePlacements(string choice) => choice.ToLowerInvariant() switch
    {
        "off" => [],
        "output" => [DehazePlacement.Output],
        "render" => [DehazePlacement.Render],
        "both" => [DehazePlacement.Output, DehazePlacement.Render],
        _ => throw new ArgumentException($"--dehaze must be off, output, render or both, not '{choice}'"),
    };
}
