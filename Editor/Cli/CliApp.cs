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
    /// <summary>Parses and runs one command line.</summary>
    /// <param name="args">The arguments after the program name.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error: one line per failure.</param>
    /// <param name="extend">
    /// Adds a host's own commands to the tree (the sample's commands live in a host the Editor cannot reference);
    /// receives the root command and the recursive <c>--verbose</c> option.
    /// </param>
    public static int Run(string[] args, TextWriter output, TextWriter error, Action<RootCommand, Option<bool>>? extend = null)
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
        root.Subcommands.Add(FuzzCommand.Create(verbose));
        extend?.Invoke(root, verbose);

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
