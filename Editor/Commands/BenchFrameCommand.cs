using System.CommandLine;
using NeuralPost.Editor.Cli;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.Samples.FoggyStreets.App;

namespace NeuralPost.Editor.Commands;

/// <summary>
/// <c>neuralpost bench frame</c>: the sample's frame path headless, per tier, as markdown tables of median per-pass
/// milliseconds and the share of the frame spent outside inference.
/// </summary>
internal static class BenchFrameCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var frames = new Option<int>("--frames") { Description = "Measured frames per tier", DefaultValueFactory = _ => 30 };
        var warmup = new Option<int>("--warmup") { Description = "Frames discarded per tier before measuring", DefaultValueFactory = _ => 5 };
        var size = new Option<string>("--size") { Description = "Output size WIDTHxHEIGHT; each tier renders at its own fraction (Performance: half, 480x270 for 960x540)", DefaultValueFactory = _ => "960x540" };
        var tiers = new Option<string[]>("--tiers")
        {
            Description = "Tiers to measure (space- or comma-separated)",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["Quality", "Balanced", "Performance", "UltraPerformance"],
        };

        var command = new Command("frame", "Per-pass medians of the sample's frame (render, image->tensor, readback, inference, upload, tensor->image, resample, sharpen) per tier")
        {
            frames, warmup, size, tiers,
        };
        command.SetAction(parse =>
        {
            var measured = parse.GetValue(frames);
            var discarded = parse.GetValue(warmup);
            if (measured < 1 || discarded < 0)
            {
                throw new ArgumentException("--frames must be at least 1 and --warmup 0 or more");
            }

            var output = SampleArguments.ParseSize(parse.GetRequiredValue(size), "--size");
            var tierList = (parse.GetValue(tiers) ?? [])
                .SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(t => SampleArguments.ParseTier(t, "--tiers"))
                .ToArray();
            using var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var environment = SampleArguments.CreateEnvironment(context);
            using var device = GlDevice.CreateHeadless();
            using var app = SampleApp.Create(device, new SampleOptions { OutputSize = output, Overlay = false }, environment.Ort, environment.Manifest, environment.Log);
            context.Out.WriteLine($"device: {device.Description}");
            context.Out.WriteLine($"frames: {measured} measured after {discarded} warm-up per tier, output {output}; GPU times need timer queries ({(device.SupportsTimerQueries ? "available" : "unavailable")})");
            context.Out.WriteLine();
            foreach (var tier in tierList)
            {
                FrameBenchmark.WriteMarkdown(FrameBenchmark.Run(app, device, tier, measured, discarded), context.Out);
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
