using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

/// <summary>
/// Finds the shared SR benchmark sets and loads their PNGs. Until the managed PNG decoder is merged, images
/// are decoded by the system Python with PIL; <see cref="LoadRgb8"/> is the only place that knows it.
/// </summary>
internal static class BenchmarkImages
{
    private const string Python = "/usr/bin/python3";

    // PIL expands greyscale (Set14 img_003) to R=G=B, which is how the protocol treats it.
    private const string DumpScript =
        "import sys\n" +
        "from PIL import Image\n" +
        "im = Image.open(sys.argv[1]).convert('RGB')\n" +
        "open(sys.argv[2], 'wb').write(im.tobytes())\n" +
        "print(im.size[0], im.size[1])\n";

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

    /// <summary>Decodes a PNG to 8-bit RGB; ignores the calling test when no decoder is available.</summary>
    public static Rgb8Image LoadRgb8(string path) => Cache.GetOrAdd(path, DecodeWithPython);

    private static Rgb8Image DecodeWithPython(string path)
    {
        string raw = Path.GetTempFileName();
        try
        {
            var info = new ProcessStartInfo(Python)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(DumpScript);
            info.ArgumentList.Add(path);
            info.ArgumentList.Add(raw);

            Process process;
            try
            {
                process = Process.Start(info) ?? throw new InvalidOperationException("python3 did not start.");
            }
            catch (Win32Exception)
            {
                Assert.Ignore($"{Python} is not available to decode benchmark PNGs.");
                throw;
            }

            using (process)
            {
                string stdout = process.StandardOutput.ReadToEnd();
                string stderr = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    if (stderr.Contains("No module named", StringComparison.Ordinal))
                    {
                        Assert.Ignore($"PIL is not installed for {Python}: {stderr.Trim()}");
                    }

                    throw new InvalidOperationException($"Decoding {path} failed: {stderr}");
                }

                string[] size = stdout.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                int width = int.Parse(size[0], CultureInfo.InvariantCulture);
                int height = int.Parse(size[1], CultureInfo.InvariantCulture);
                return new Rgb8Image(width, height, File.ReadAllBytes(raw));
            }
        }
        finally
        {
            File.Delete(raw);
        }
    }

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
