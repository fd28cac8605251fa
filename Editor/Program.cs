using NeuralPost.Editor.Cli;

namespace NeuralPost.Editor;

internal static class Program
{
    private static int Main(string[] args) => CliApp.Run(args, Console.Out, Console.Error);
}
