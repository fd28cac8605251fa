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
    // Stated limits: a training set of 100,000 pairs, x8 (the largest scale a model ships), a million variations.
    private const int MaxCount = 100_000;
    private const int MaxScale = 8;
    private const int MaxFirst = 1_000_000;

    public static Command Create(Option<bool> verbose)
    {
        var pairs = new Option<string>("--pairs") { Description = "sr: HR/ + LR_xS/ (MATLAB bicubic); dehaze: hazy/ + clear/", Required = true };
        var count = new Option<int>("--count") { Description = $"Number of pairs, 1 to {MaxCount}", Required = true }.Within(1, MaxCount);
        var output = new Option<string>("--out") { Description = "Output folder", Required = true };
        var size = new Option<string>("--size") { Description = "Frame size WIDTHxHEIGHT (the HR size for sr)", DefaultValueFactory = _ => "960x540" };
        var scale = new Option<int>("--scale") { Description = $"LR downscale factor for sr, 1 to {MaxScale}", DefaultValueFactory = _ => 2 }.Within(1, MaxScale);

        var citySeed = new Option<int>("--city-seed") { Description = "City layout (training uses 1; use another for held-out scenes)", DefaultValueFactory = _ => 1 };
        var firstIndex = new Option<int>("--first") { Description = $"Index of the first variation (camera time, light, fog), 0 to {MaxFirst}", DefaultValueFactory = _ => 0 }
            .Within(0, MaxFirst);

        var command = new Command("capture", "Render super-resolution or dehaze training pairs from the sample scene") { pairs, count, output, size, scale, citySeed, firstIndex };
        command.Validators.Add(result =>
        {
            // An LR frame of no pixels would fail deep in the resampler; a malformed --size is reported when parsed.
            if (string.Equals(result.GetValue(pairs), "sr", StringComparison.OrdinalIgnoreCase)
                && result.GetValue(size) is { } text && TryParseSize(text) is { } frame
                && (frame.Width < result.GetValue(scale) || frame.Height < result.GetValue(scale)))
            {
                result.AddError($"--size {frame} is smaller than --scale {result.GetValue(scale)}: the LR frame would have no pixels");
            }
        });
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
            var frameSize = SampleArguments.ParseSize(parse.GetRequiredValue(size), "--size");

            var options = new CaptureOptions(kind, n, parse.GetRequiredValue(output), frameSize, factor,
                parse.GetValue(citySeed), parse.GetValue(firstIndex));
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            OutputPath.PrepareFolder(options.OutputDirectory, "the output folder");
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

    private static Core.Size? TryParseSize(string text)
    {
        try
        {
            return SampleArguments.ParseSize(text, "--size");
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
