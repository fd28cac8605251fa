using System.Diagnostics;
using NeuralPost.ImageFiles;
using NeuralPost.Imaging;
using NeuralPost.Tests.Editor;

namespace NeuralPost.Tests.Files;

/// <summary>
/// The CLI killed (SIGKILL) while it writes a large image over a good one: at each moment the target holds the old
/// file or the complete new one, never a truncated mix.
/// </summary>
[NonParallelizable]
internal sealed class KillDuringWriteTests
{
    private const int Side = 1024;

    [Test]
    public void AnUpscaleKilledAtAnyMomentLeavesTheOldOutputOrTheWholeNewOne()
    {
        var dir = TestPaths.NewTempDirectory();
        var input = Path.Combine(dir, "in.png");
        var noise = new Rgb8Image(Side, Side);
        new Random(5).NextBytes(noise.Data);
        ImageFile.Save(noise, input);
        var output = Path.Combine(dir, "out.png");
        var good = new Rgb8Image(8, 8);
        ImageFile.Save(good, output);
        var old = File.ReadAllBytes(output);

        var kills = new List<string>();
        // The worst moment is while the encoder streams into the file: kill as the temporary file appears and
        // again some milliseconds into the write; then once after letting the write finish.
        foreach (var delay in new[] { 0, 20, 100, 300 })
        {
            kills.Add(KillOnceWriting(dir, input, output, delay));
            var now = File.ReadAllBytes(output);
            if (!now.AsSpan().SequenceEqual(old))
            {
                AssertCompleteNewOutput(output);
                old = now;
            }
        }

        TestContext.Out.WriteLine(string.Join("\n", kills));
        var (code, _, err) = CliRunner.RunProcess(new Dictionary<string, string>(), "upscale", "--model", "test-nearest-x2", input, output);
        Assert.That(code, Is.Zero, err);
        AssertCompleteNewOutput(output);
        Assert.That(kills.Count(k => k.StartsWith("killed while", StringComparison.Ordinal)), Is.GreaterThan(0),
            "at least one kill landed while the output was being written");
    }

    private static string KillOnceWriting(string dir, string input, string output, int delayMs)
    {
        using var process = CliRunner.Start(TestContext.CurrentContext.TestDirectory, new Dictionary<string, string>(),
            "upscale", "--model", "test-nearest-x2", input, output);
        var clock = Stopwatch.StartNew();
        while (!process.HasExited && !Directory.EnumerateFiles(dir, ".out.png.*.tmp").Any())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(60))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("the upscale never began writing its output");
            }
        }

        if (process.HasExited)
        {
            return $"exited before the write was seen (exit {process.ExitCode})";
        }

        Thread.Sleep(delayMs);
        var writing = Directory.EnumerateFiles(dir, ".out.png.*.tmp").Any();
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
        // A killed writer leaves its temporary file (hidden, never under the target's name); clear it so the next
        // round waits for its own.
        foreach (var leftover in Directory.EnumerateFiles(dir, ".out.png.*.tmp"))
        {
            File.Delete(leftover);
        }

        return writing ? $"killed while writing, {delayMs} ms in" : $"killed after the write, {delayMs} ms in";
    }

    private static void AssertCompleteNewOutput(string output)
    {
        var image = ImageFile.Load(output);
        Assert.That((image.Width, image.Height), Is.EqualTo((2 * Side, 2 * Side)), "the replaced output is the whole new image");
    }
}
