using System.CommandLine;
using NeuralPost.Effects;
using NeuralPost.Editor.Cli;
using NeuralPost.Editor.Evaluation;
using NeuralPost.Effects.Upscale;

namespace NeuralPost.Editor.Commands;

/// <summary>
/// <c>neuralpost demo</c>: the main job until the sample scene exists. Upscales a benchmark set's low-resolution
/// images with a model and with MATLAB bicubic, writes both as PNGs and prints the Y-channel PSNR/SSIM of each.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var model = new Option<string>("--model", "-m") { Description = "Model id or .onnx path", DefaultValueFactory = _ => "test-nearest-x2" };
        var set = new Option<string>("--set") { Description = "Benchmark set folder name or path", DefaultValueFactory = _ => "Set5" };
        var output = new Option<string>("--out") { Description = "Folder for the upscaled PNGs", DefaultValueFactory = _ => Path.Combine("out", "demo") };

        var command = new Command("demo", "Upscale a benchmark set with a model and bicubic; write PNGs and print PSNR/SSIM") { model, set, output };
        command.SetAction(parse =>
        {
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var outDir = parse.GetRequiredValue(output);
            OutputPath.PrepareFolder(outDir, "the output folder");
            var (network, card, path) = context.LoadUpscaler(parse.GetRequiredValue(model));
            using var owned = network;
            var label = card?.Id ?? Path.GetFileNameWithoutExtension(path);
            context.Out.WriteLine(SuperResolutionEvaluator.Header(label));
            var mean = SuperResolutionEvaluator.Evaluate(network, SuperResolutionEvaluator.ResolveSet(parse.GetRequiredValue(set)),
                card?.ReceptiveField ?? 16, score => context.Out.WriteLine(SuperResolutionEvaluator.Row(score)), outDir, label);
            context.Out.WriteLine(SuperResolutionEvaluator.Mean(mean));
            SuperResolutionEvaluator.WriteLeftOut(mean, context.Err, "demo");

            context.Out.WriteLine($"wrote {mean.Images * 2} PNGs to {Path.GetFullPath(outDir)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
