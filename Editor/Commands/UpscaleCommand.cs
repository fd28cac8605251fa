using System.CommandLine;
using System.Diagnostics;
using NeuralPost.Effects;
using NeuralPost.Editor.Cli;
using NeuralPost.Effects.Upscale;
using NeuralPost.ImageFiles;

namespace NeuralPost.Editor.Commands;

/// <summary><c>neuralpost upscale --model ID|FILE.onnx IN OUT.png|.jpg|.webp [--tile N] [--overlap N] [--ep NAME]... [--backend ort|gpu] [--gpu-storage fp16|fp32]</c></summary>
internal static class UpscaleCommand
{
    private const int DefaultOverlap = 16;

    // No readable image has a side over 16384, so a larger tile is the whole image; a larger overlap is one too.
    private const int MaxTile = 16384;
    private const int MaxOverlap = 16384;

    public static Command Create(Option<bool> verbose)
    {
        var model = new Option<string>("--model", "-m") { Description = "Model id from Models/models.json or a path to an .onnx file", Required = true };
        var input = new Argument<string>("input") { Description = "Input image (PNG, JPEG, WebP, BMP or GIF, recognised by content)" };
        var output = new Argument<string>("output") { Description = "Output image, format by extension: .png, .jpg/.jpeg (quality 90) or .webp (lossless)" };
        output.Validators.Add(ImageOutputValidator.Validate);
        var tile = new Option<int>("--tile") { Description = $"Tile core size in input pixels, 0 to {MaxTile} (0: whole image at once)", DefaultValueFactory = _ => 256 }
            .Within(0, MaxTile);
        var overlap = new Option<int?>("--overlap") { Description = $"Context per tile side in input pixels, 0 to {MaxOverlap} (default: the model's receptive field, else 16)" }
            .Within(0, MaxOverlap);
        var providers = ProviderOptions.Create();
        var threads = ProviderOptions.CreateThreads();
        var edge = EdgeOption.Create();
        var backend = BackendOption.Create("on a headless EGL device; tiles are uploaded and read back");
        var gpuStorage = GpuStorageOption.Create();

        var command = new Command("upscale", "Upscale an image with a super-resolution model") { model, input, output, tile, overlap, edge, providers, threads, backend, gpuStorage };
        command.SetAction(parse =>
        {
            var tileSize = parse.GetValue(tile);
            var overlapValue = parse.GetValue(overlap);
            var outputPath = parse.GetRequiredValue(output);
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose))
            {
                Backend = BackendOption.Parse(parse.GetValue(backend)),
                GpuStorage = GpuStorageOption.Parse(parse.GetValue(gpuStorage)),
            };
            OutputPath.CheckFileFolder(outputPath, "the output");
            var options = CliContext.CreateRunnerOptions(parse.GetValue(providers) ?? [], ThreadCount.Clamp(parse.GetValue(threads), context.Err));
            var (network, card, path) = context.LoadUpscaler(parse.GetRequiredValue(model), options);
            using var owned = network;
            var inputPath = parse.GetRequiredValue(input);
            var decoded = UpscaleInput.Load(inputPath, network.Scale, tileSize);
            KeptChannels.Notice(decoded, inputPath, outputPath, context.Err);
            var image = decoded.Rgb;
            var upscaler = new TiledUpscaler(network, Core.EdgePadding.For(card, EdgeOption.Parse(parse.GetValue(edge))));
            var progress = new ConsoleProgress(context.Err, "upscale", !Console.IsErrorRedirected);
            var effectiveOverlap = overlapValue ?? card?.ReceptiveField ?? DefaultOverlap;

            var clock = Stopwatch.StartNew();
            var result = upscaler.Upscale(image, tileSize, effectiveOverlap, progress);
            clock.Stop();

            ImageFile.Save(KeptChannels.Apply(decoded, result, network.Scale), outputPath);
            var tiles = TilePlan.Create(image.Width, image.Height, tileSize, effectiveOverlap).Tiles.Count;
            context.Out.WriteLine(
                $"wrote {outputPath}: {image.Width}x{image.Height} -> {result.Width}x{result.Height} (x{network.Scale}, {card?.Id ?? Path.GetFileName(path)}, {tiles} tile(s), overlap {effectiveOverlap}, {clock.Elapsed.TotalSeconds:F2} s)");
            return ExitCodes.Success;
        });
        return command;
    }
}
