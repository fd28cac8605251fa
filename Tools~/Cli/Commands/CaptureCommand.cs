using System.CommandLine;
using NeuralPost.Editor.Cli;
using NeuralPost.Graphics.OpenGL;
using NeuralPost.Cli.Capture;
using NeuralPost.Samples.FoggyStreets.App;

namespace NeuralPost.Cli.Commands;

/// <summary>
/// <c>neuralpost capture --pairs sr|dehaze --count N --out DIR [--size WxH] [--scale S]</c>: renders training pairs
/// from the Foggy Streets scene headless, at deterministic, evenly spread views, fog colours and densities.
/// </summary>
internal static class CaptureCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var pairs = new Option<string>("--pairs") { Description = "sr: HR/ + LR_xS/ (MATLAB bicubic); dehaze: hazy/ + clear/", Required = true };
        var count = new Option<int>("--count") { Description = "Number of pairs", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder", Required = true };
        var size = new Option<string>("--size") { Description = "Frame size WIDTHxHEIGHT (the HR size for sr)", DefaultValueFactory = _ => "960x540" };
        var scale = new Option<int>("--scale") { Description = "LR downscale factor for sr", DefaultValueFactory = _ => 2 };

        var citySeed = new Option<int>("--city-seed") { Description = "City layout (training uses 1; use another for held-out scenes)", DefaultValueFactory = _ => 1 };
        var firstIndex = new Option<int>("--first") { Description = "Index of the first variation (camera time, light, fog)", DefaultValueFactory = _ => 0 };

        var command = new Command("capture", "Render super-resolution or dehaze training pairs from the sample scene") { pairs, count, output, size, scale, citySeed, firstIndex };
        command.SetAction(parse =>
        {
            var kind = parse.GetRequiredValue(pairs).ToLowerInvariant() switch
            {
                "sr" => CapturePairs.SuperResolution,
                "dehaze" => CapturePairs.Dehaze,
                var other => throw new ArgumentException($"--pairs must be sr or dehaze, not '{other}'"),
            };
            var n = parse.GetValue(count);
            var factor = parse.GetValue(scale);
            if (n < 1 || factor < 1 || parse.GetValue(firstIndex) < 0)
            {
                throw new ArgumentException("--count and --scale must be at least 1, --first at least 0");
            }

            var options = new CaptureOptions(kind, n, parse.GetRequiredValue(output), SampleArguments.ParseSize(parse.GetRequiredValue(size), "--size"), factor,
                parse.GetValue(citySeed), parse.GetValue(firstIndex));
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var logger = new OnceLogger(context.Err);
            using var device = GlDevice.CreateHeadless();
            context.Out.WriteLine($"capture: {device.Description}");
            var (first, second) = CaptureRunner.Run(device, options, logger.Log);
            var secondSize = kind == CapturePairs.SuperResolution
                ? new Core.Size(options.Size.Width / factor, options.Size.Height / factor)
                : options.Size;
            context.Out.WriteLine($"wrote {n} pair(s): {Path.GetFullPath(first)} ({options.Size}) and {Path.GetFullPath(second)} ({secondSize}), {options.FileName(options.First)}..{options.FileName(options.First + n - 1)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
