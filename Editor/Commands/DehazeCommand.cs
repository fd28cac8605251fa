using System.CommandLine;
using System.Diagnostics;
using NeuralPost.Editor.Cli;
using NeuralPost.Imaging;

namespace NeuralPost.Editor.Commands;

/// <summary><c>neuralpost dehaze IN.png OUT.png [--model dehaze] [--strength 1]</c>: removes haze from one image.</summary>
internal static class DehazeCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var input = new Argument<string>("input") { Description = "Hazy PNG" };
        var output = new Argument<string>("output") { Description = "Output PNG" };
        var model = new Option<string>("--model", "-m") { Description = "Dehaze model id or .onnx path", DefaultValueFactory = _ => "dehaze" };
        var strength = new Option<float>("--strength") { Description = "Blend with the input: 1 = the network's output, 0 = unchanged", DefaultValueFactory = _ => 1f };

        var command = new Command("dehaze", "Remove fog and haze from a PNG with the dehaze network") { input, output, model, strength };
        command.SetAction(parse =>
        {
            var amount = parse.GetValue(strength);
            if (amount is < 0f or > 1f)
            {
                throw new ArgumentException("--strength must be between 0 and 1");
            }

            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var (network, dehazer, card) = context.LoadDehazer(parse.GetRequiredValue(model));
            using (network)
            {
                var image = PngDecoder.Load(parse.GetRequiredValue(input)).ToRgb8();
                var clock = Stopwatch.StartNew();
                var result = dehazer.Process(image, amount);
                clock.Stop();
                var path = parse.GetRequiredValue(output);
                PngEncoder.Save(result, path);
                context.Out.WriteLine($"wrote {path}: {image.Width}x{image.Height}, {card?.Id ?? Path.GetFileName(network.Path)}, strength {amount:F2}, {clock.Elapsed.TotalMilliseconds:F0} ms");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
