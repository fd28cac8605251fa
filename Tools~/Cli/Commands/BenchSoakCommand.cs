using System.CommandLine;
using NeuralPost.Editor.Cli;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.Samples.FoggyStreets.App;

namespace NeuralPost.Cli.Commands;

/// <summary>
/// <c>neuralpost bench soak</c>: the sample's frame for thousands of frames per tier and dehaze setting, headless
/// with nothing written, printing resident memory and the managed heap at start and end, bytes allocated per frame
/// and collections per generation.
/// </summary>
internal static class BenchSoakCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var frames = BenchArguments.Frames(2000, "configuration");
        var warmup = BenchArguments.Warmup(10, "configuration");
        var size = new Option<string>("--size") { Description = "Output size WIDTHxHEIGHT", DefaultValueFactory = _ => "640x360" };
        var tiers = BenchArguments.Tiers("Tiers to run", "Performance", "Quality");
        var dehaze = SampleArguments.Choice("--dehaze", "run each tier with the dehaze pass off, on, or both", "both", "off", "on", "both");

        var command = new Command("soak", "Thousands of frames of the sample per configuration, nothing written: RSS, managed heap, bytes allocated per frame, collections per generation")
        {
            frames, warmup, size, tiers, dehaze,
        };
        command.SetAction(parse =>
        {
            var measured = parse.GetValue(frames);
            var discarded = parse.GetValue(warmup);
            var output = SampleArguments.ParseSize(parse.GetRequiredValue(size), "--size");
            var tierList = BenchArguments.ParseTiers(parse.GetValue(tiers));
            bool[] dehazeSettings = parse.GetRequiredValue(dehaze).ToLowerInvariant() switch
            {
                "off" => [false],
                "on" => [true],
                _ => [false, true],
            };
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var environment = SampleArguments.CreateEnvironment(context);
            using var device = GlDevice.CreateHeadless();
            context.Out.WriteLine($"device: {device.Description}");
            context.Out.WriteLine($"frames: {measured} measured after {discarded} warm-up per configuration, output {output}, overlay on, split off, nothing written");
            context.Out.WriteLine();
            foreach (var tier in tierList)
            {
                foreach (var on in dehazeSettings)
                {
                    // A fresh app per configuration, so one's networks and arenas do not count in the next one's memory.
                    using var app = SampleApp.Create(device, new SampleOptions { OutputSize = output, Tier = tier, Dehaze = on }, environment.Ort, environment.Manifest, environment.Log);
                    SoakBenchmark.WriteMarkdown(SoakBenchmark.Run(app, device, tier, on, measured, discarded), context.Out);
                    context.Out.Flush();
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
