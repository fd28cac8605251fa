using System.Collections.Concurrent;
using System.Globalization;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

/// <summary>
/// Finds the shared SR benchmark sets and loads their PNGs through <see cref="ImageFile"/>, which decodes every
/// one of them exactly as PIL's <c>convert('RGB')</c> does (greyscale Set14 img_003 as R=G=B, as the protocol
/// asks; checked by <c>BenchmarkSetImageTests.EveryBenchmarkImageMatchesPil</c>).
/// </summary>
internal static class BenchmarkImages
{
    private static readonly ConcurrentDictionary<string, Rgb8Image> Cache = new(StringComparer.Ordinal);

    private static readonly Lazy<string?> LocatedRoot = new(Locate);

    /// <summary>The benchmarks folder; ignores the calling test when it cannot be found.</summary>
    public static string Root
    {
        get
        {
            string? root = LocatedRoot.Value;
            if (root is null)
            {
                Assert.Ignore("Benchmark images not found: no shared/benchmarks next to or above the folder holding NeuralPost.sln.");
            }

            return root!;
        }
    }

    /// <summary>Path of one benchmark file, e.g. ("Set5", "LR", 2, "img_001.png").</summary>
    public static string PathOf(string set, string kind, int scale, string fileName) =>
        Path.Combine(Root, set, $"{kind}_x{scale.ToString(CultureInfo.InvariantCulture)}", fileName);

    /// <summary>File names of the HR images of a set at a scale, sorted.</summary>
    public static IReadOnlyList<string> FileNames(string set, int scale)
    {
        string folder = Path.Combine(Root, set, $"HR_x{scale.ToString(CultureInfo.InvariantCulture)}");
        return Directory.GetFiles(folder, "*.png").Select(Path.GetFileName).Select(n => n!).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Decodes a benchmark PNG to 8-bit RGB (once per run: the sets are read by many tests).</summary>
    public static Rgb8Image LoadRgb8(string path) => Cache.GetOrAdd(Path.GetFullPath(path), full => ImageFile.Load(full));

    private static string? Locate()
    {
        string? overridden = Environment.GetEnvironmentVariable("NEURALPOST_BENCHMARKS");
        if (!string.IsNullOrEmpty(overridden))
        {
            return Directory.Exists(overridden) ? overridden : null;
        }

        DirectoryInfo? dir = new(TestContext.CurrentContext.TestDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "NeuralPost.sln")))
        {
            dir = dir.Parent;
        }

        // The main checkout sits beside shared/ and worktrees one level deeper, so look at every ancestor.
        for (; dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "shared", "benchmarks");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
