using System.CommandLine;
using NeuralPost.Core;
using NeuralPost.Editor.Commands;

namespace NeuralPost.Editor.Cli;

/// <summary>
/// The <c>neuralpost</c> command line: builds the command tree and turns every failure into one line on stderr
/// and a non-zero exit code, never a stack trace (unless --verbose asks for it).
/// </summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var verbose = new Option<bool>("--verbose") { Description = "More ONNX Runtime logging; stack traces on errors", Recursive = true };
        var root = new RootCommand("NeuralPost: neural super-resolution and dehaze tools") { verbose };
        root.Subcommands.Add(UpscaleCommand.Create(verbose));
        root.Subcommands.Add(InfoCommand.Create(verbose));
        root.Subcommands.Add(BenchCommand.Create(verbose));
        root.Subcommands.Add(DemoCommand.Create(verbose));
        root.Subcommands.Add(EvalCommand.Create(verbose));
        root.Subcommands.Add(DehazeCommand.Create(verbose));
        root.Subcommands.Add(ModelsCommand.Create(verbose));
        root.Subcommands.Add(SampleCommand.Create(verbose));
        root.Subcommands.Add(CaptureCommand.Create(verbose));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"neuralpost: {parseError.Message}");
            }

            error.WriteLine("neuralpost: run 'neuralpost --help' for usage");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is NeuralPostException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            error.WriteLine($"neuralpost: error: {OneLine(e.Message)}");
            if (parse.GetValue(verbose))
            {
                error.WriteLine(e);
            }

            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            error.WriteLine($"neuralpost: internal error: {e.GetType().Name}: {OneLine(e.Message)}");
            if (parse.GetValue(verbose))
            {
                error.WriteLine(e);
            }

            return ExitCodes.InternalError;
        }
    }

    public static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
