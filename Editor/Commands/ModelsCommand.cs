using System.CommandLine;
using NeuralPost.Editor.Cli;
using NeuralPost.Editor.Evaluation;

namespace NeuralPost.Editor.Commands;

/// <summary><c>neuralpost models validate [--eval]</c>: checks every manifest entry; non-zero exit on any mismatch.</summary>
internal static class ModelsCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var reEvaluate = new Option<bool>("--eval") { Description = "Also re-run eval on each set in a card and compare with its figures" };
        var validate = new Command("validate", "Check every entry of Models/models.json against its file") { reEvaluate };
        validate.SetAction(parse =>
        {
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var manifest = context.Manifest;
            var failures = 0;
            foreach (var card in manifest.Models)
            {
                var result = ModelValidator.Validate(manifest, card, context.Environment, parse.GetValue(reEvaluate));
                context.Out.WriteLine($"{(result.Passed ? "ok  " : "FAIL")} {result.Id,-18} {result.Detail}");
                failures += result.Passed ? 0 : 1;
            }

            if (failures > 0)
            {
                context.Err.WriteLine($"neuralpost: error: {failures} of {manifest.Models.Count} manifest entries failed validation");
                return ExitCodes.Failure;
            }

            context.Out.WriteLine($"all {manifest.Models.Count} entries of {manifest.ManifestPath} are valid");
            return ExitCodes.Success;
        });
        var set = new Option<string>("--set") { Description = "Benchmark set whose card figures to plot", DefaultValueFactory = _ => "Set5" };
        var defaultChart = Path.Combine("Models", "psnr-vs-macs");
        var output = new Option<string[]>("--out")
        {
            Description = "Chart file, .svg or .png by its extension; repeat to write several (default: both Models/psnr-vs-macs.svg and .png)",
            DefaultValueFactory = _ => [defaultChart + ".svg", defaultChart + ".png"],
            Arity = ArgumentArity.OneOrMore,
        };
        output.Validators.Add(Charts.ChartFile.Validate);
        var chart = new Command("chart", "Draw PSNR against multiply-adds for every model card, bicubic and the published points (SVG and/or PNG, ScottPlot)") { set, output };
        chart.SetAction(parse =>
        {
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            foreach (var path in parse.GetRequiredValue(output))
            {
                OutputPath.CheckFileFolder(path, "the chart");
            }

            var plot = Charts.PsnrMacsChart.Build(context.Manifest, parse.GetRequiredValue(set));
            foreach (var path in parse.GetRequiredValue(output))
            {
                Charts.ChartFile.Save(plot, path, Charts.PsnrMacsChart.Width, Charts.PsnrMacsChart.Height);
                context.Out.WriteLine($"wrote {Path.GetFullPath(path)}");
            }

            return ExitCodes.Success;
        });
        return new Command("models", "Model manifest tools") { validate, chart };
    }
}
