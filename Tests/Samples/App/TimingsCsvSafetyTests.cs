using System.Diagnostics;
using System.Text;
using NeuralPost.Core;
using NeuralPost.Samples.FoggyStreets.App;
using NeuralPost.Tests.Editor;
using NeuralPost.Tests.Files;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Samples.App;

/// <summary>
/// The headless sample's outputs when the run ends badly: killed mid-run (Ctrl-C, SIGKILL) or out of disk. The CSV
/// holds only whole rows, one per finished frame, and a full disk is reported by the frame that failed first.
/// </summary>
[NonParallelizable]
internal sealed class TimingsCsvSafetyTests
{
    private static readonly string[] Sample = ["sample", "--headless", "--tier", "Native", "--overlay", "off", "--size", "160x90"];

    [Test]
    public void AKilledRunKeepsAWholeRowForEveryFinishedFrameAndDoesNotLockTheFolder()
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var dir = TestPaths.NewTempDirectory();
        using (var process = CliRunner.Start(TestContext.CurrentContext.TestDirectory, new Dictionary<string, string>(), [.. Sample, "--frames", "100000", "--out", dir]))
        {
            var clock = Stopwatch.StartNew();
            while (!File.Exists(Path.Combine(dir, HeadlessRunner.FrameName(12))))
            {
                Assert.That(process.HasExited, Is.False, () => process.StandardError.ReadToEnd());
                Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(90)), "12 frames within 90 s");
                Thread.Sleep(5);
            }

            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        var frames = Directory.GetFiles(dir, "frame-*.png").Length;
        var rows = WholeRows(Path.Combine(dir, "timings.csv"));
        Assert.That(rows, Is.InRange(frames - 1, frames), $"a row per finished frame ({frames} frames); the last frame may lack its row");
        Assert.That(Path.Combine(dir, OutputFolderLock.FileName), Does.Exist, "the killed run left its lock file");

        var (code, _, err) = CliRunner.Run([.. Sample, "--frames", "1", "--out", dir]);
        Assert.That(code, Is.Zero, "a lock left by a killed run does not block the next: " + err);
    }

    [Test]
    public void AFullDiskIsReportedByTheFrameThatFailedAndTheCsvKeepsWholeRows()
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        using var disk = TinyFileSystem.MountOrIgnore(kilobytes: 64);

        var (code, stdout, err) = CliRunner.Run([.. Sample, "--frames", "200", "--out", disk.Root]);

        Assert.That(code, Is.EqualTo(1), stdout + err);
        var frames = Directory.GetFiles(disk.Root, "frame-*.png").Length;
        var failed = Path.Combine(disk.Root, HeadlessRunner.FrameName(frames));
        Assert.That(CliRunner.Lines(err), Is.EqualTo(new[] { $"neuralpost: error: cannot write {failed}: No space left on device; nothing was written" }),
            "the first failure, the frame, not the CSV after it");
        Assert.That(WholeRows(Path.Combine(disk.Root, "timings.csv")), Is.EqualTo(frames), "a row per written frame");
        Assert.That(disk.Names().Where(n => n.EndsWith(".tmp", StringComparison.Ordinal)), Is.Empty);
    }

    /// <summary>Asserts that the CSV ends with a line break and that every row has the header's columns; returns the rows.</summary>
    private static int WholeRows(string path)
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(path));
        Assert.That(text, Does.StartWith(TimingsCsv.Header + "\n").And.EndWith("\n"), "no cut line");
        var lines = text.TrimEnd('\n').Split('\n');
        var columns = TimingsCsv.Header.Split(',').Length;
        for (var row = 1; row < lines.Length; row++)
        {
            var cells = HeadlessSampleTests.SplitCsv(lines[row]);
            Assert.That(cells, Has.Count.EqualTo(columns), $"row {row} is whole: {lines[row]}");
            Assert.That(cells[0], Is.EqualTo((row - 1).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        return lines.Length - 1;
    }
}
