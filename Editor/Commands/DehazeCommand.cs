using System.CommandLine;
using System.Diagnostics;
using NeuralPost.Editor.Cli;
using NeuralPost.ImageFiles;

namespace NeuralPost.Editor.Commands;

/// <summary><c>neuralpost dehaze IN OUT.png|.jpg|.webp [--model dehaze] [--strength 1] [--backend ort|gpu] [--gpu-storage fp16|fp32]</c>: removes haze from one image.</summary>
internal static class DehazeCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var input = new Argument<string>("input") { Description = "Hazy image (PNG, JPEG, WebP, BMP or GIF, recognised by content)" };
        var output = new Argument<string>("output") { Description = "Output image, format by extension: .png, .jpg/.jpeg (quality 90) or .webp (lossless)" };
        output.Validators.Add(ImageOutputValidator.Validate);
        var model = new Option<string>("--model", "-m") { Description = "Dehaze model id or .onnx path", DefaultValueFactory = _ => "dehaze" };
        var strength = new Option<float>("--strength") { Description = "Blend with the input, 0 to 1: 1 = the network's output, 0 = unchanged", DefaultValueFactory = _ => 1f }
            .Within(0f, 1f);
        var backend = BackendOption.Create("on a headless EGL device");
        var gpuStorage = GpuStorageOption.Create();

        var edge = EdgeOption.Create();
        var command = new Command("dehaze", "Remove fog and haze from an image with the dehaze network") { input, output, model, strength, edge, backend, gpuStorage };
        command.SetAction(parse =>
        {
            var amount = parse.GetValue(strength);
            var path = parse.GetRequiredValue(output);
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose))
            {
                Backend = BackendOption.Parse(parse.GetValue(backend)),
                GpuStorage = GpuStorageOption.Parse(parse.GetValue(gpuStorage)),
            };
            OutputPath.CheckFileFolder(path, "the output");
            var (network, dehazer, card) = context.LoadDehazer(parse.GetRequiredValue(model), EdgeOption.Parse(parse.GetValue(edge)));
            using (network)
            {
                var inputPath = parse.GetRequiredValue(input);
                var decoded = ImageFile.LoadWithInfo(inputPath);
                KeptChannels.Notice(decoded, inputPath, path, context.Err);
                var image = decoded.Rgb;
                var clock = Stopwatch.StartNew();
                var result = dehazer.Process(image, amount);
                clock.Stop();
                ImageFile.Save(KeptChannels.Apply(decoded, result, 1), path);
                context.Out.WriteLine($"wrote {path}: {image.Width}x{image.Height}, {card?.Id ?? Path.GetFileName(network.Path)}, strength {amount:F2}, {clock.Elapsed.TotalMilliseconds:F0} ms");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
