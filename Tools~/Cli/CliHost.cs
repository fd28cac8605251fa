using System.CommandLine;
using NeuralPost.Cli.Capture;
using NeuralPost.Cli.Commands;
using NeuralPost.Editor.Cli;
using NeuralPost.Editor.Evaluation;
using NeuralPost.Graphics.OpenGL;

namespace NeuralPost.Cli;

/// <summary>
/// The whole <c>neuralpost</c> command tree: the Editor's commands plus those that need the sample's renderer,
/// which the Editor cannot reference.
/// </summary>
internal static class CliHost
{
    /// <summary>Runs one command line; returns the process exit code (see <see cref="ExitCodes"/>).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        // This host has the OpenGL backend, so the Editor's offline commands can honour --backend gpu.
        CliContext.HeadlessDeviceFactory ??= () => GlDevice.CreateHeadless();
        // The game set is rendered from the sample scene, which only this host references.
        GameSet.Builder ??= (definition, folder, log) => GameSetBuilder.Build(() => GlDevice.CreateHeadless(), definition, folder, log);
        return CliApp.Run(args, output, error, AddSampleCommands);
    }

    private static void AddSampleCommands(RootCommand root, Option<bool> verbose)
    {
        root.Subcommands.Add(SampleCommand.Create(verbose));
        root.Subcommands.Add(CaptureCommand.Create(verbose));
        var bench = root.Subcommands.Single(command => command.Name == "bench");
        bench.Subcommands.Add(BenchFrameCommand.Create(verbose));
        bench.Subcommands.Add(BenchSoakCommand.Create(verbose));
        bench.Subcommands.Add(BenchBackendsCommand.Create(verbose));
    }
}
