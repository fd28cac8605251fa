using System.Diagnostics;
using NeuralPost.ImageFiles;

namespace NeuralPost.Tests.ImageFiles;

/// <summary>
/// The inputs the image fuzzer (<c>neuralpost fuzz images</c>) turned up, kept in <c>Tests/ImageFiles/Fuzz</c>,
/// decoded at the CLI's default pixel limit: each must be refused with a documented error naming the file,
/// within 1 s and without touching memory in proportion to the size its header declares.
/// </summary>
internal sealed class FuzzRegressionTests
{
    private const long ResidentBudget = 128L << 20;

    private static readonly string Folder = Path.Combine(FindRoot(), "Tests", "ImageFiles", "Fuzz");

    private static IEnumerable<string> Refused() =>
        Directory.EnumerateFiles(Folder, "*.bin").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(Refused))]
    public void RefusedWithADocumentedErrorWithinASecond(string file)
    {
        var data = File.ReadAllBytes(Path.Combine(Folder, file));
        using var process = Process.GetCurrentProcess();
        long residentBefore = process.WorkingSet64;
        var clock = Stopwatch.StartNew();
        var error = Assert.Throws(Is.InstanceOf<ImageFileException>(), () => ImageFile.Decode(data, file)) as ImageFileException;
        clock.Stop();
        process.Refresh();

        Assert.That(error!.FileName, Is.EqualTo(file));
        Assert.That(error.Message, Does.StartWith(file + ": "));
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(1)));
        Assert.That(process.WorkingSet64 - residentBefore, Is.LessThan(ResidentBudget));
    }

    [Test]
    public void TheFolderHoldsTheFindings() => Assert.That(Refused().Count(), Is.GreaterThanOrEqualTo(3));

    // TestCaseSource runs before any test context exists, so the repository root is found from the assembly.
    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NeuralPost.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("NeuralPost.sln not found above the test assembly");
    }
}
