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
    // argv: output folder, then the PNGs; writes <folder>/<i>.rgb and prints "width height" per image.
    private const string DumpScript =
        "import sys, os\n" +
        "from PIL import Image\n" +
        "for i, p in enumerate(sys.argv[2:]):\n" +
        "    im = Image.open(p).convert('RGB')\n" +
        "    open(os.path.join(sys.argv[1], '%d.rgb' % i), 'wb').write(im.tobytes())\n" +
        "    print(im.size[0], im.size[1])\n";

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
    public static Rgb8Image LoadRgb8(string path)
    {
        string full = Path.GetFullPath(path);
        if (!Cache.TryGetValue(full, out Rgb8Image? image))
        {
            // Interpreter start-up dominates, so decode the image's whole folder in one process.
            string folder = Path.GetDirectoryName(full)!;
            string[] batch = [.. Directory.GetFiles(folder, "*.png").Select(Path.GetFullPath).Where(p => !Cache.ContainsKey(p))];
            if (!batch.Contains(full, StringComparer.Ordinal))
            {
                batch = [.. batch, full];
            }

            IReadOnlyList<Rgb8Image> decoded = DecodeWithPython(batch);
            for (int i = 0; i < batch.Length; i++)
            {
                Cache.TryAdd(batch[i], decoded[i]);
            }

            image = Cache[full];
        }

        return image;
    }

    private static List<Rgb8Image> DecodeWithPython(string[] paths)
    {
        string outDir = Directory.CreateTempSubdirectory("neuralpost-png-").FullName;
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
            info.ArgumentList.Add(outDir);
            foreach (string path in paths)
            {
                info.ArgumentList.Add(path);
            }

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
                Task<string> stderrTask = process.StandardError.ReadToEndAsync();
                string stdout = process.StandardOutput.ReadToEnd();
                string stderr = stderrTask.GetAwaiter().GetResult();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    if (stderr.Contains("No module named", StringComparison.Ordinal))
                    {
                        Assert.Ignore($"PIL is not installed for {Python}: {stderr.Trim()}");
                    }

                    throw new InvalidOperationException($"Decoding {string.Join(", ", paths)} failed: {stderr}");
                }

                string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var images = new List<Rgb8Image>(paths.Length);
                for (int i = 0; i < paths.Length; i++)
                {
                    string[] size = lines[i].Split(' ');
                    int width = int.Parse(size[0], CultureInfo.InvariantCulture);
                    int height = int.Parse(size[1], CultureInfo.InvariantCulture);
                    byte[] data = File.ReadAllBytes(Path.Combine(outDir, i.ToString(CultureInfo.InvariantCulture) + ".rgb"));
                    images.Add(new Rgb8Image(width, height, data));
                }

                return images;
            }
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
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
