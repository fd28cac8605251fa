using System.CommandLine;
using NeuralPost.Editor.Bench;
using NeuralPost.Editor.Bench.OrtMigration;
using NeuralPost.Editor.Cli;

namespace NeuralPost.Editor.Commands;

/// <summary>
/// <c>neuralpost bench binding</c>: prints a table of plumbing costs with same-run baselines;
/// <c>neuralpost bench frame</c>: per-pass medians of the sample's frame per tier.
/// </summary>
internal static class BenchCommand
{
    public static Command Create(Option<bool> verbose)
    {
        var binding = new Command("binding", "ONNX Runtime call overhead, image<->tensor throughput, PNG codec speed, each beside a baseline");
        binding.SetAction(parse =>
        {
            using var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            var rows = BindingBenchmark.Run(context.Environment, context.Manifest, context.Err);
            BindingBenchmark.Print(rows, context.Out);
            return ExitCodes.Success;
        });
        var threads = new Option<int>("--threads") { Description = "ONNX Runtime intra-op threads for both bindings", DefaultValueFactory = _ => 1 };
        var runs = new Option<int>("--runs") { Description = "Timed imdn-rtc-x2 runs per binding", DefaultValueFactory = _ => 10 };
        var migration = new Command("ort-migration", "Old hand-written ONNX Runtime binding vs the official package: per-call us, 480x270 imdn-rtc-x2 ms, max abs diff") { threads, runs };
        migration.SetAction(parse =>
        {
            using var context = new CliContext(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, parse.GetValue(verbose));
            OrtMigrationBenchmark.Run(context.Manifest, parse.GetValue(threads), parse.GetValue(runs), context.Out, context.Err);
            return ExitCodes.Success;
        });
        return new Command("bench", "Benchmarks that print figures (never timed unit tests)") { binding, migration, BenchFrameCommand.Create(verbose) };
    }
}
