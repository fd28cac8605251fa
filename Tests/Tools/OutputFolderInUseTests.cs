using NeuralPost.Core;
using NeuralPost.Tests.Editor;
using NeuralPost.Tests.Graphics;

namespace NeuralPost.Tests.Tools;

/// <summary>A run whose output folder another run holds refuses with one line naming the folder, and writes nothing.</summary>
[NonParallelizable]
internal sealed class OutputFolderInUseTests
{
    [Test]
    public void SampleRefusesAFolderAnotherRunHolds() =>
        AssertRefused(dir => ["sample", "--headless", "--tier", "Native", "--frames", "1", "--size", "32x18", "--out", dir]);

    [Test]
    public void CaptureRefusesAFolderAnotherRunHolds() =>
        AssertRefused(dir => ["capture", "--pairs", "sr", "--count", "1", "--size", "32x18", "--out", dir]);

    private static void AssertRefused(Func<string, string[]> arguments)
    {
        GlTestDevice.CreateOrIgnore().Dispose();
        var dir = TestPaths.NewTempDirectory();
        using var other = OutputFolderLock.Acquire(dir);

        var (code, stdout, err) = CliRunner.Run(arguments(dir));

        Assert.That(code, Is.EqualTo(1), stdout + err);
        Assert.That(CliRunner.Lines(err), Is.EqualTo(new[]
        {
            $"neuralpost: error: output folder {dir} is in use by another run (it holds {OutputFolderLock.FileName} there); wait for it to finish or choose another --out",
        }));
        Assert.That(Directory.GetFileSystemEntries(dir, "*", SearchOption.AllDirectories), Is.EqualTo(new[] { Path.Combine(dir, OutputFolderLock.FileName) }),
            "nothing written beside the other run's files");
    }
}
