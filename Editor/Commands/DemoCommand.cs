using System.CommandLine;
using System.Diagnostics;
using NeuralPost.Editor.Cli;
using NeuralPost.Effects.Upscale;
using NeuralPost.Imaging;

namespace NeuralPost.Editor.Commands;

/// <summary>
/// <c>neuralpost demo</c>: the main job until the sample scene exists. Upscales a benchmark set's low-resolution
/// images with a model and with MATLAB bicubic, writes both as PNGs and prints the Y-channel PSNR of each.
/// </summary>
internal static class DemoCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var model = new Option<string>("--model", "-m") { Description = "Model id or .onnx path", DefaultValueFactory = _ => "test-nearest-x2" };
        var set = new Option<string>("--set") { Description = "Benchmark set folder name or path", DefaultValueFactory = _ => "Set5" };
        var output = new Option<string>("--out") { Description = "Folder for the upscaled PNGs", DefaultValueFactory = _ => Path.Combine("out", "demo") };

        var command = new Command("demo", "Upscale a benchmark set with a model and bicubic; write PNGs and print PSNR") { model, set, output };
        command.SetAction(parse =>
        {
            using var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var (path, card) = context.ResolveModel(parse.GetRequiredValue(model));
            using var network = SuperResolutionModel.Load(context.Environment, path, expectedScale: card?.Scale);
            var scale = network.Scale;
            var setName = parse.GetRequiredValue(set);
            var setDir = Directory.Exists(setName) ? setName : Path.Combine(BenchmarkData.FindRoot(), setName);
            var lowDir = Path.Combine(setDir, $"LR_x{scale}");
            var highDir = Path.Combine(setDir, $"HR_x{scale}");
            if (!Directory.Exists(lowDir) || !Directory.Exists(highDir))
            {
                throw new Core.NeuralPostException($"{setDir} has no LR_x{scale}/HR_x{scale} folders for this x{scale} model");
            }

            var outDir = parse.GetRequiredValue(output);
            Directory.CreateDirectory(outDir);
            var upscaler = new TiledUpscaler(network);
            var overlap = card?.ReceptiveField ?? 16;
            var name = card?.Id ?? Path.GetFileNameWithoutExtension(path);
            context.Out.WriteLine($"{"image",-12} {"size",-10} {name + " PSNR/SSIM",28} {"bicubic PSNR/SSIM",20} {"ms",8}");
            double modelSum = 0, bicubicSum = 0, modelSsimSum = 0, bicubicSsimSum = 0;
            var files = Directory.GetFiles(lowDir, "*.png").Order(StringComparer.Ordinal).ToArray();
            foreach (var file in files)
            {
                var low = PngDecoder.Load(file).ToRgb8();
                var high = PngDecoder.Load(Path.Combine(highDir, Path.GetFileName(file))).ToRgb8();
                var clock = Stopwatch.StartNew();
                var upscaled = upscaler.Upscale(low, 256, overlap);
                clock.Stop();
                var bicubic = MatlabBicubic.Upscale(low, scale);
                var modelPsnr = QualityMetrics.PsnrY(upscaled, high, scale);
                var bicubicPsnr = QualityMetrics.PsnrY(bicubic, high, scale);
                var modelSsim = QualityMetrics.SsimY(upscaled, high, scale);
                var bicubicSsim = QualityMetrics.SsimY(bicubic, high, scale);
                modelSum += modelPsnr;
                bicubicSum += bicubicPsnr;
                modelSsimSum += modelSsim;
                bicubicSsimSum += bicubicSsim;
                var stem = Path.GetFileNameWithoutExtension(file);
                PngEncoder.Save(upscaled, Path.Combine(outDir, $"{stem}_{name}.png"));
                PngEncoder.Save(bicubic, Path.Combine(outDir, $"{stem}_bicubic.png"));
                context.Out.WriteLine($"{stem,-12} {$"{low.Width}x{low.Height}",-10} {$"{modelPsnr:F2} / {modelSsim:F4}",28} {$"{bicubicPsnr:F2} / {bicubicSsim:F4}",20} {clock.Elapsed.TotalMilliseconds,8:F1}");
            }

            if (files.Length == 0)
            {
                throw new Core.NeuralPostException($"no PNG files in {lowDir}");
            }

            var count = files.Length;
            context.Out.WriteLine($"{"mean",-12} {"",-10} {$"{modelSum / count:F2} / {modelSsimSum / count:F4}",28} {$"{bicubicSum / count:F2} / {bicubicSsimSum / count:F4}",20}");
            context.Out.WriteLine($"wrote {files.Length * 2} PNGs to {Path.GetFullPath(outDir)}");
            return ExitCodes.Success;
        });
        return command;
    }
}
