using NeuralPost.Core;

namespace NeuralPost.Editor.Cli;

/// <summary>
/// Locates the evaluation images (<c>shared/benchmarks</c> beside the repository). They are for evaluation
/// only: nothing in the project trains or tunes on them.
/// </summary>
internal static class BenchmarkData
{
    public const string PathVariable = "NEURALPOST_BENCHMARKS";

    public static string FindRoot()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment)
                ? fromEnvironment
                : throw new NeuralPostException($"{PathVariable} points at a missing folder: {fromEnvironment}");
        }

        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "benchmarks");
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new NeuralPostException($"benchmark images not found (looked for shared/benchmarks above the current folder); set {PathVariable}");
    }
}
