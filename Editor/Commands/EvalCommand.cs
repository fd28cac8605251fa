using System.CommandLine;
using NeuralPost.Effects;
using NeuralPost.Core;
using NeuralPost.Editor.Cli;
using NeuralPost.Editor.Evaluation;
using NeuralPost.Effects.Upscale;

namespace NeuralPost.Editor.Commands;

/// <summary>
/// <c>neuralpost eval --model ID --set DIR|NAME|game [--scale S] [--write-card] [--backend ort|gpu] [--gpu-storage fp16|fp32]</c>: per-image and mean PSNR/SSIM beside
/// bicubic. <c>--write-card</c> stores the means in the model's card, so every card figure comes from this command.
/// <c>--set game</c> scores frames of the sample scene along its camera path (<see cref="GameSetDefinition"/>), built on
/// first use, and adds a temporal figure.
/// </summary>
internal static class EvalCommand
{
    // LapSRN x8 is the largest scale shipped; 16 leaves room without letting --scale be absurd.
    private const int MaxScale = 16;

    // A minute of 30 fps play: far past what a CPU evaluation needs, small enough that nobody builds a huge cache by typo.
    private const int MaxGameFrames = 1800;

    public static Command Create(Option<bool> verbose)
    {
        var model = new Option<string>("--model", "-m") { Description = "Model id or .onnx path", Required = true };
        var set = new Option<string>("--set") { Description = "Benchmark set: a folder with LR_x<s>/HR_x<s> (or an HR_x<d> with d dividing s, LR made by MATLAB bicubic), or Set5/Set14", Required = true };
        var scale = new Option<int?>("--scale") { Description = $"Expected scale, 1 to {MaxScale} (checked against the model)" }.Within(1, MaxScale);
        var writeCard = new Option<bool>("--write-card") { Description = "Store the mean figures in the model's card in Models/models.json" };
        var dehaze = new Option<bool>("--dehaze") { Description = "Evaluate a dehaze network on a pair folder (--set DIR with hazy/ and clear/): RGB PSNR/SSIM beside the hazy input and the dark-channel prior" };
        var compare = new Option<string?>("--compare") { Description = "With --dehaze: a second network scored alongside (e.g. the ablation without the detail branch)" };
        var backend = BackendOption.Create("on a headless EGL device; every network the command loads");
        var gpuStorage = GpuStorageOption.Create();
        var gameFrames = new Option<int?>("--game-frames") { Description = $"With --set game: frames along the path, 2 to {MaxGameFrames} (default {GameSetDefinition.DefaultFrames})" }.Within(2, MaxGameFrames);
        var gameSize = new Option<string?>("--game-size") { Description = $"With --set game: HR size WIDTHxHEIGHT, a multiple of the scale (default {GameSetDefinition.DefaultSize})" };
        var upscaler = new Option<string?>("--upscaler") { Description = "With --dehaze: where the pass belongs; score dehaze before (render resolution) and after (output resolution) this super-resolution model" };

        var command = new Command("eval", "PSNR/SSIM of a model beside its baselines (bicubic for super-resolution; hazy input and dark-channel prior for dehaze)")
            { model, set, scale, writeCard, dehaze, compare, upscaler, backend, gpuStorage, gameFrames, gameSize };
        command.Validators.Add(result =>
        {
            foreach (var message in OptionsThatDoNotApply(
                result.GetValue(dehaze), result.GetValue(upscaler) is not null, result.GetValue(compare) is not null,
                result.GetValue(writeCard), result.GetValue(scale) is not null))
            {
                result.AddError(message);
            }

            var game = IsGameSet(result.GetValue(set));
            if (!game && (result.GetValue(gameFrames) is not null || result.GetValue(gameSize) is not null))
            {
                result.AddError("--game-frames and --game-size need --set game");
            }

            if (game && result.GetValue(dehaze))
            {
                result.AddError("--set game holds super-resolution pairs; --dehaze needs a folder with hazy/ and clear/");
            }
        });
        command.SetAction(parse =>
        {
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose))
            {
                Backend = BackendOption.Parse(parse.GetValue(backend)),
                GpuStorage = GpuStorageOption.Parse(parse.GetValue(gpuStorage)),
            };
            if (parse.GetValue(dehaze) && parse.GetValue(upscaler) is { } upscalerArgument)
            {
                return EvaluatePlacement(context, parse.GetRequiredValue(model), upscalerArgument, parse.GetRequiredValue(set));
            }

            if (parse.GetValue(dehaze))
            {
                return EvaluateDehaze(context, parse.GetRequiredValue(model), parse.GetRequiredValue(set), parse.GetValue(compare), parse.GetValue(writeCard));
            }

            if (parse.GetValue(writeCard))
            {
                CheckCardWritable(context);
            }

            var (network, card, path) = context.LoadUpscaler(parse.GetRequiredValue(model), expectedScale: parse.GetValue(scale));
            using var owned = network;
            var game = IsGameSet(parse.GetRequiredValue(set));
            var definition = game
                ? GameSetDefinition.For(network.Scale, parse.GetValue(gameFrames), parse.GetValue(gameSize) is { } sizeText ? SizeArgument.Parse(sizeText, "--game-size") : null)
                : null;
            var setDir = definition is null
                ? SuperResolutionEvaluator.ResolveSet(parse.GetRequiredValue(set))
                : GameSet.Resolve(definition, GameSet.DefaultCacheRoot(context.Manifest.ManifestPath), context.Err.WriteLine);
            var temporal = game ? new GameTemporalScore() : null;
            var label = card?.Id ?? Path.GetFileNameWithoutExtension(path);
            var pairs = BenchmarkPairs.Open(setDir, network.Scale);
            var total = pairs.Names.Count;
            if (pairs.Derived)
            {
                context.Err.WriteLine($"eval: {setDir} ships no x{network.Scale} pairs; LR made by MATLAB bicubic from {pairs.HighDirectory} cropped to a multiple of {network.Scale}");
            }

            var progress = new ConsoleProgress(context.Err, "eval", !Console.IsErrorRedirected, "images");
            var done = 0;

            if (definition is not null)
            {
                context.Out.WriteLine(definition.Describe());
            }

            context.Out.WriteLine(SuperResolutionEvaluator.Header(label));
            var mean = SuperResolutionEvaluator.Evaluate(network, pairs, card?.ReceptiveField ?? 16, score =>
            {
                context.Out.WriteLine(SuperResolutionEvaluator.Row(score));
                progress.Report(new TileProgress(++done, total));
            }, edges: EdgePadding.For(card), onFrames: temporal is null ? null : temporal.Add);
            context.Out.WriteLine(SuperResolutionEvaluator.Mean(mean));
            if (temporal is not null)
            {
                context.Out.WriteLine(temporal.Line());
            }

            SuperResolutionEvaluator.WriteLeftOut(mean, context.Err, "eval");

            if (parse.GetValue(writeCard))
            {
                WriteCard(context, card, game ? GameSetDefinition.SetName : SetName(setDir), new QualityCard
                {
                    Psnr = Math.Round(mean.Psnr, 2),
                    Ssim = Math.Round(mean.Ssim, 4),
                    BicubicPsnr = Math.Round(mean.BicubicPsnr, 2),
                    BicubicSsim = Math.Round(mean.BicubicSsim, 4),
                    TemporalExcess = temporal is null ? null : Math.Round(temporal.ModelExcess, 3),
                    BicubicTemporalExcess = temporal is null ? null : Math.Round(temporal.BicubicExcess, 3),
                });
            }

            return ExitCodes.Success;
        });
        return command;
    }

    // An option the chosen evaluation would ignore is a usage error, so nobody believes a card was written or a
    // second network was scored when it was not.
    private static IEnumerable<string> OptionsThatDoNotApply(bool dehaze, bool upscaler, bool compare, bool writeCard, bool scale)
    {
        if (!dehaze)
        {
            if (upscaler)
            {
                yield return "--upscaler needs --dehaze (it scores where the dehaze pass belongs)";
            }

            if (compare)
            {
                yield return "--compare needs --dehaze";
            }

            yield break;
        }

        if (scale)
        {
            yield return "--scale applies to super-resolution models, not --dehaze";
        }

        if (upscaler && (writeCard || compare))
        {
            yield return "--dehaze --upscaler compares placements only; it takes neither --write-card nor --compare";
        }
    }

    private static int EvaluateDehaze(CliContext context, string modelArgument, string pairDirectory, string? compareArgument, bool writeCard)
    {
        if (writeCard)
        {
            CheckCardWritable(context);
        }

        var (model, dehazer, card) = context.LoadDehazer(modelArgument);
        using var network = model;
        var other = compareArgument is null ? default : context.LoadDehazer(compareArgument);
        using var otherNetwork = other.Model;
        var label = card?.Id ?? Path.GetFileNameWithoutExtension(modelArgument);
        var compareLabel = compareArgument is null ? null : other.Card?.Id ?? Path.GetFileNameWithoutExtension(compareArgument);

        context.Out.WriteLine(DehazeEvaluator.Header(label, compareLabel));
        var mean = DehazeEvaluator.Evaluate(dehazer, other.Dehazer, pairDirectory, score => context.Out.WriteLine(DehazeEvaluator.Row(score)));
        context.Out.WriteLine(DehazeEvaluator.Mean(mean));
        if (writeCard)
        {
            WriteCard(context, card, SetName(pairDirectory), new QualityCard
            {
                Psnr = Math.Round(mean.Psnr, 2),
                Ssim = Math.Round(mean.Ssim, 4),
                HazyPsnr = Math.Round(mean.HazyPsnr, 2),
                HazySsim = Math.Round(mean.HazySsim, 4),
                DcpPsnr = Math.Round(mean.DcpPsnr, 2),
                DcpSsim = Math.Round(mean.DcpSsim, 4),
                Compared = compareLabel is null || mean.ComparePsnr is not { } comparePsnr || mean.CompareSsim is not { } compareSsim
                    ? null
                    : new Dictionary<string, ComparedQuality>(StringComparer.Ordinal)
                    {
                        [compareLabel] = new(Math.Round(comparePsnr, 2), Math.Round(compareSsim, 4)),
                    },
            });
        }

        return ExitCodes.Success;
    }

    private static int EvaluatePlacement(CliContext context, string modelArgument, string upscalerArgument, string pairDirectory)
    {
        var (model, dehazer, _) = context.LoadDehazer(modelArgument);
        using var network = model;
        var (upscaler, card, path) = context.LoadUpscaler(upscalerArgument);
        using var owned = upscaler;
        context.Out.WriteLine($"upscaler {card?.Id ?? Path.GetFileNameWithoutExtension(path)} x{upscaler.Scale}: render-resolution frames are the hazy frames bicubic-downscaled x{upscaler.Scale}; PSNR/SSIM on RGB against the clear frame");
        context.Out.WriteLine(DehazePlacementEvaluator.Header());
        var scores = DehazePlacementEvaluator.Evaluate(dehazer, upscaler, card?.ReceptiveField ?? 16, pairDirectory,
            score => context.Out.WriteLine(DehazePlacementEvaluator.Row(score)));
        context.Out.WriteLine(DehazePlacementEvaluator.Mean(scores));
        return ExitCodes.Success;
    }

    // Checked before any image is scored: the card is written to the manifest file, which is replaced in its folder.
    private static void CheckCardWritable(CliContext context) => OutputPath.CheckFileFolder(context.Manifest.ManifestPath, "the manifest");

    // "game" is a name, not a folder: its pairs are built into a cache folder named by scale.
    private static bool IsGameSet(string? set) => string.Equals(set, GameSetDefinition.SetName, StringComparison.OrdinalIgnoreCase) && !Directory.Exists(set);

    private static string SetName(string setDirectory) => Path.GetFileName(Path.TrimEndingDirectorySeparator(setDirectory));

    // Card figures are rounded as they are printed (2 decimals for dB, 4 for SSIM, 3 for levels) and keyed by the set's name.
    private static void WriteCard(CliContext context, ModelCard? card, string setName, QualityCard figures)
    {
        if (card is null)
        {
            throw new NeuralPostException("--write-card needs a model id from the manifest, not a file path");
        }

        FiniteFigures.Require(figures, card.Id, setName);
        var metrics = new Dictionary<string, QualityCard>(card.Metrics ?? [], StringComparer.Ordinal) { [setName] = figures };
        context.Manifest.WithCard(card with { Metrics = metrics });
        context.Out.WriteLine($"wrote {setName} figures to the card of {card.Id} in {context.Manifest.ManifestPath}");
    }
}
