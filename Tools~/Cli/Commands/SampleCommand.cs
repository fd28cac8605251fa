using System.CommandLine;
using NeuralPost.Core;
using NeuralPost.Editor.Cli;
using NeuralPost.Graphics;
using NeuralPost.ImageFiles;
using NeuralPost.Samples.FoggyStreets.App;

namespace NeuralPost.Cli.Commands;

/// <summary>
/// <c>neuralpost sample</c>: the Foggy Streets scene with the upscaler and dehaze on its camera, in a window when
/// a display exists, otherwise headless (frames as PNGs plus a timings CSV).
/// </summary>
internal static class SampleCommand
{
    private const int DefaultHeadlessFrames = 30;

    public static Command Create(Option<bool> verbose)
    {
        var headless = new Option<bool>("--headless") { Description = "Render without a window even when a display exists" };
        var frames = new Option<int?>("--frames") { Description = $"Frames to render, 1 to {SampleArguments.MaxFrames} (headless default {DefaultHeadlessFrames}; windowed default: until closed)" }
            .Within(1, SampleArguments.MaxFrames);
        var output = new Option<string>("--out") { Description = "Headless output folder", DefaultValueFactory = _ => Path.Combine("out", "sample") };
        var size = new Option<string>("--size") { Description = "Output size WIDTHxHEIGHT", DefaultValueFactory = _ => "960x540" };
        var tier = new Option<string>("--tier") { Description = "Native|Quality|Balanced|Performance|UltraPerformance", DefaultValueFactory = _ => "Performance" };
        var dehaze = new Option<string>("--dehaze") { Description = "on|off: run the dehaze pass (where --dehaze-at says)", DefaultValueFactory = _ => "off" };
        var dehazeAt = SampleArguments.Choice("--dehaze-at", "dehaze before the upscaler at render resolution (default: better and cheaper, see eval --dehaze --upscaler), or after it at output resolution", "render", "output", "render");
        var split = new Option<string>("--split") { Description = "on|off: left half bilinear (or hazy, with dehaze), right half neural", DefaultValueFactory = _ => "off" };
        var overlay = new Option<string>("--overlay") { Description = "on|off: text overlay with tier, sizes, model, pass timings, FPS", DefaultValueFactory = _ => "on" };
        var screenshot = new Option<string?>("--screenshot") { Description = "Save the window's back buffer to this .png, .jpg or .webp after --frames-before-screenshot frames, then exit" };
        screenshot.Validators.Add(ImageOutputValidator.Validate);
        var framesBeforeScreenshot = new Option<int>("--frames-before-screenshot") { Description = $"Frames rendered before --screenshot is taken, 1 to {SampleArguments.MaxFrames}", DefaultValueFactory = _ => 60 }
            .Within(1, SampleArguments.MaxFrames);

        var backend = BackendOption.Create("on the sample's own device", defaultValue: null, absent: "auto: GPU compute on a hardware GPU, the benchmark's choice on llvmpipe");
        var gpuStorage = GpuStorageOption.Create();
        var noWrite = new Option<bool>("--no-write") { Description = "Headless: render the frames without reading them back or writing any file (a game's frame; for soak and allocation checks)" };
        var command = new Command("sample", "Run the Foggy Streets sample: keys 1-5 tiers, H dehaze, Space split view, F12 screenshot, Esc quits")
        {
            headless, frames, output, size, tier, dehaze, dehazeAt, split, overlay, screenshot, framesBeforeScreenshot, noWrite, backend, gpuStorage,
        };
        command.SetAction(parse =>
        {
            var options = new SampleOptions
            {
                OutputSize = SampleArguments.ParseSize(parse.GetRequiredValue(size), "--size"),
                Tier = SampleArguments.ParseTier(parse.GetRequiredValue(tier), "--tier"),
                Dehaze = SampleArguments.ParseOnOff(parse.GetRequiredValue(dehaze), "--dehaze"),
                DehazePlacement = SampleArguments.ParseDehazePlacement(parse.GetRequiredValue(dehazeAt), "--dehaze-at"),
                Split = SampleArguments.ParseOnOff(parse.GetRequiredValue(split), "--split"),
                Overlay = SampleArguments.ParseOnOff(parse.GetRequiredValue(overlay), "--overlay"),
                Backend = BackendOption.Parse(parse.GetValue(backend), InferenceBackend.Auto),
                GpuStorage = GpuStorageOption.Parse(parse.GetValue(gpuStorage)),
            };
            var frameCount = parse.GetValue(frames);
            var before = parse.GetValue(framesBeforeScreenshot);
            var outDir = parse.GetRequiredValue(output);
            var writeNothing = parse.GetValue(noWrite);
            if (writeNothing && parse.GetValue(screenshot) is not null)
            {
                throw new ArgumentException("--no-write and --screenshot cannot be combined: a screenshot is a file");
            }

            if (writeNothing)
            {
                return RunWithoutWriting(options, frameCount ?? DefaultHeadlessFrames, parse, verbose);
            }

            if (parse.GetValue(headless) || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY")))
            {
                // Known to run headless: the frames' folder is checked before ONNX Runtime or a device starts.
                OutputPath.PrepareFolder(outDir, "the output folder");
            }

            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var environment = SampleArguments.CreateEnvironment(context);
            context.Out.WriteLine($"sample: dehaze {(options.Dehaze ? "on" : "off")}, placed {SampleArguments.Describe(options.DehazePlacement)}");
            var screenshotPath = parse.GetValue(screenshot);
            var window = TryOpenWindow(parse.GetValue(headless), options, screenshotPath is not null, out var why);
            if (window is not null)
            {
                using (window)
                {
                    context.Out.WriteLine($"sample: windowed ({why}) on {window.Device.Description}");
                    var run = new WindowedRunOptions { Frames = frameCount ?? 0, ScreenshotPath = screenshotPath, FramesBeforeScreenshot = before };
                    var rendered = window.Run(options, environment, run, context.Out);
                    context.Out.WriteLine($"sample: {rendered} frame(s) rendered");
                }

                return ExitCodes.Success;
            }

            context.Out.WriteLine($"sample: headless ({why})");
            // Again for a window that could not open; creating an existing folder and probing it is cheap.
            OutputPath.PrepareFolder(outDir, "the output folder");
            var count = frameCount ?? DefaultHeadlessFrames;
            var result = HeadlessRunner.Run(options, environment, Math.Max(count, screenshotPath is null ? 1 : before), outDir);
            context.Out.WriteLine($"sample: {result.Device}");
            context.Out.WriteLine($"wrote {result.Frames.Count} frame(s) {options.OutputSize} to {Path.GetFullPath(outDir)} and {result.TimingsPath}");
            if (screenshotPath is not null)
            {
                // No window to read: the display target of the same frame holds the same picture. Re-encoded, not
                // copied, so a .jpg or .webp screenshot holds what its name says.
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(screenshotPath))!);
                ImageFile.Save(ImageFile.Load(result.Frames[before - 1]), screenshotPath);
                context.Out.WriteLine($"screenshot: {screenshotPath} (frame {before - 1}, from the headless display target)");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Headless whatever the display: a window's swap would pace and read nothing either, but a run without files is for measuring.</summary>
    private static int RunWithoutWriting(SampleOptions options, int frames, ParseResult parse, Option<bool> verbose)
    {
        var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
        var environment = SampleArguments.CreateEnvironment(context);
        context.Out.WriteLine($"sample: headless (--no-write given), dehaze {(options.Dehaze ? "on" : "off")}, placed {SampleArguments.Describe(options.DehazePlacement)}");
        var device = HeadlessRunner.RunWithoutWriting(options, environment, frames);
        context.Out.WriteLine($"sample: {device}");
        context.Out.WriteLine($"rendered {frames} frame(s) {options.OutputSize}; nothing written (--no-write)");
        return ExitCodes.Success;
    }

    /// <summary>Opens the window unless headless is asked for or impossible; <paramref name="why"/> says which and why.</summary>
    private static WindowedRunner? TryOpenWindow(bool headless, SampleOptions options, bool scripted, out string why)
    {
        if (headless)
        {
            why = "--headless given";
            return null;
        }

        var display = Environment.GetEnvironmentVariable("DISPLAY");
        if (string.IsNullOrEmpty(display))
        {
            why = "no display: DISPLAY is not set";
            return null;
        }

        try
        {
            // A scripted screenshot should not wait for vertical blanks it does not show.
            var window = WindowedRunner.Open(options.OutputSize, vsync: !scripted);
            why = $"DISPLAY={display}";
            return window;
        }
        catch (GraphicsUnavailableException e)
        {
            why = $"DISPLAY={display} but no window could be opened: {CliApp.OneLine(e.Message)}";
            return null;
        }
    }
}
