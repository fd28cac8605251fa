namespace NeuralPost.Tests.Imaging;

/// <summary>Locates the repository, the PNG fixtures and the shared benchmark images from the test output folder.</summary>
internal static class PngFixtures
{
    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The folder holding NeuralPost.sln.</summary>
    public static string RepoRoot => Root.Value;

    /// <summary>The folder of the generated PNG fixtures.</summary>
    public static string Directory => Path.Combine(RepoRoot, "Tests", "Imaging", "Fixtures");

    /// <summary>
    /// The shared benchmark folder, which lives beside the checkout (../shared/benchmarks), not in it. Git
    /// worktrees sit one level deeper, so every ancestor is tried; the plain sibling path is returned when none has it.
    /// </summary>
    public static string Benchmarks
    {
        get
        {
            for (var dir = new DirectoryInfo(RepoRoot).Parent; dir is not null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "benchmarks");
                if (System.IO.Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            return Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "benchmarks"));
        }
    }

    /// <summary>Full path of a fixture file.</summary>
    public static string Fixture(string relative) => Path.Combine(Directory, relative);

    /// <summary>Every fixture file name, sorted, for test case sources.</summary>
    public static IEnumerable<string> Names() =>
        System.IO.Directory.GetFiles(Directory, "*.png").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NeuralPost.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"NeuralPost.sln not found above {TestContext.CurrentContext.TestDirectory}");
    }
}
