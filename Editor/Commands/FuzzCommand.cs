using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using NeuralPost.Editor.Cli;
using NeuralPost.Editor.Fuzzing;

namespace NeuralPost.Editor.Commands;

/// <summary>
/// <c>neuralpost fuzz images</c>: mutates small valid images and decodes each through <c>ImageFile.Decode</c>,
/// reporting any undocumented exception, slow decode or allocation beyond the pixel limit. Exit 1 on findings.
/// </summary>
internal static class FuzzCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var defaults = new FuzzSettings();
        var executions = new Option<long>("--executions") { Description = "Inputs to decode", DefaultValueFactory = _ => defaults.Executions };
        var seed = new Option<int>("--seed") { Description = "Random seed (a run is reproducible from it)", DefaultValueFactory = _ => defaults.Seed };
        var corpus = new Option<string[]>("--corpus") { Description = "Folder of extra seed files (repeatable), e.g. Tests/Imaging/Fixtures", AllowMultipleArgumentsPerToken = false };
        var outFolder = new Option<string?>("--out") { Description = "Folder for finding inputs, the slowest input and the input in flight (for a crash)" };
        var maxPixels = new Option<long>("--max-pixels") { Description = "Pixel limit for the decodes; larger headers must be refused before allocating", DefaultValueFactory = _ => defaults.MaxPixels };
        var slow = new Option<double>("--slow-ms") { Description = "A decode slower than this is a finding", DefaultValueFactory = _ => defaults.SlowMilliseconds };
        var images = new Command("images", "Fuzz the image-file reader (PNG, JPEG, WebP, BMP, GIF) with mutated seeds")
        {
            executions, seed, corpus, outFolder, maxPixels, slow,
        };
        images.SetAction(parse =>
        {
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var settings = new FuzzSettings
            {
                Executions = parse.GetValue(executions), Seed = parse.GetValue(seed), OutFolder = parse.GetValue(outFolder),
                MaxPixels = parse.GetValue(maxPixels), SlowMilliseconds = parse.GetValue(slow),
            };
            var seeds = FuzzSeeds.Load(parse.GetValue(corpus) ?? []);
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fuzz images: seed {settings.Seed}, {seeds.Count} seed files, pixel limit {settings.MaxPixels:N0}, slow limit {settings.SlowMilliseconds} ms"));
            var statistics = ImageFuzzer.Run(settings, seeds, context.Err);
            using var process = Process.GetCurrentProcess();
            statistics.Print(context.Out, process.PeakWorkingSet64, settings.MaxPixels);
            return statistics.FindingCount == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return new Command("fuzz", "Robustness fuzzers") { images };
    }
}
