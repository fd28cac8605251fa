using System.CommandLine;
using NeuralPost.Editor.Bench;
using NeuralPost.Editor.Cli;

namespace NeuralPost.Editor.Commands;

/// <summary>
/// <c>neuralpost bench binding</c>: prints a table of plumbing costs with same-run baselines;
/// <c>neuralpost bench frame</c> (per-pass medians of the sample's frame per tier) is added by the CLI host.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var binding = new Command("binding", "ONNX Runtime call overhead, image<->tensor throughput, PNG codec speed, each beside a baseline");
        binding.SetAction(parse =>
        {
            var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var rows = BindingBenchmark.Run(context.Environment, context.Manifest, context.Err);
            BindingBenchmark.Print(rows, context.Out);
            return ExitCodes.Success;
        });
        return new Command("bench", "Benchmarks that print figures (never timed unit tests)") { binding };
    }
}
