namespace NeuralPost.Tests;

/// <summary>Locates repository files from the test output folder.</summary>
internal static class TestPaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NeuralPost.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NeuralPost.sln not found above the test folder");
    });

    public static string RepoRoot => Root.Value;

    public static string Manifest => Path.Combine(RepoRoot, "Models", "models.json");

    public static string TestModel(string name) => Path.Combine(RepoRoot, "Models", "Testing", name + ".onnx");

    /// <summary>The shared benchmark folder, or an Ignore with the reason when this checkout has none beside it.</summary>
    public static string BenchmarksOrIgnore()
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "benchmarks"));
        if (!Directory.Exists(path))
        {
            Assert.Ignore($"benchmark images not found at {path}");
        }

        return path;
    }

    public static string NewTempDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "neuralpost-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
