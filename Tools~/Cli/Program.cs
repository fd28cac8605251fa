namespace NeuralPost.Cli;

internal static class Program
{
    private static int Main(string[] args) => CliHost.Run(args, Console.Out, Console.Error);
}
