using System.Text.Json;
using System.Xml.Linq;

namespace NeuralPost.Tests.Package;

/// <summary>
/// The Unity assembly definitions must say what the .NET projects say, or the package would build in one host and
/// not the other: each <c>.asmdef</c> lists exactly the package assemblies its sibling <c>.csproj</c> references.
/// </summary>
internal sealed class AssemblyDefinitionTests
{
    /// <summary>Unity's own assemblies (test runner) have no .csproj: they are the only extra names allowed.</summary>
    private static readonly HashSet<string> UnityAssemblies = ["UnityEngine.TestRunner", "UnityEditor.TestRunner"];

    private static IEnumerable<string> AsmdefFiles() =>
        Directory.EnumerateFiles(TestPaths.RepoRoot, "*.asmdef", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Select(path => Path.GetRelativePath(TestPaths.RepoRoot, path))
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(AsmdefFiles))]
    public void ListsExactlyTheProjectReferencesThatAreUnityAssemblies(string relativeAsmdef)
    {
        var asmdef = Path.Combine(TestPaths.RepoRoot, relativeAsmdef);
        var csproj = Directory.GetFiles(Path.GetDirectoryName(asmdef)!, "*.csproj").Single();
        using var json = JsonDocument.Parse(File.ReadAllText(asmdef));
        var name = json.RootElement.GetProperty("name").GetString();
        var listed = json.RootElement.GetProperty("references").EnumerateArray().Select(e => e.GetString()!)
            .Where(reference => !UnityAssemblies.Contains(reference)).Order(StringComparer.Ordinal).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(name, Is.EqualTo(AssemblyName(csproj)), "the asmdef names the assembly its .csproj builds");
            Assert.That(listed, Is.EqualTo(UnityProjectReferences(csproj)), $"{relativeAsmdef} vs {Path.GetFileName(csproj)}");
        });
    }

    [Test]
    public void EveryPackageAssemblyHasAnAsmdef()
    {
        var withAsmdef = AsmdefFiles().Select(Path.GetDirectoryName).ToHashSet();
        var projects = Directory.EnumerateFiles(TestPaths.RepoRoot, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path) && !IsHostTool(path))
            .Select(path => Path.GetDirectoryName(Path.GetRelativePath(TestPaths.RepoRoot, path)));
        Assert.That(projects.Where(dir => !withAsmdef.Contains(dir)), Is.Empty, "projects without an .asmdef");
    }

    /// <summary>The CLI host (Tools~) is a .NET program Unity never imports, so it has no asmdef and no one lists it.</summary>
    private static bool IsHostTool(string csproj) => Path.GetRelativePath(TestPaths.RepoRoot, csproj).StartsWith("Tools~", StringComparison.Ordinal);

    private static bool IsBuildOutput(string path)
    {
        var relative = Path.GetRelativePath(TestPaths.RepoRoot, path).Replace('\\', '/');
        return relative.StartsWith(".cache/", StringComparison.Ordinal) || relative.Contains("/bin/", StringComparison.Ordinal)
            || relative.Contains("/obj/", StringComparison.Ordinal) || relative.StartsWith(".git/", StringComparison.Ordinal);
    }

    private static List<string> UnityProjectReferences(string csproj) =>
        XDocument.Load(csproj).Descendants("ProjectReference")
            .Select(reference => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(csproj)!, reference.Attribute("Include")!.Value.Replace('\\', '/'))))
            .Where(path => !IsHostTool(path))
            .Select(AssemblyName).Order(StringComparer.Ordinal).ToList();

    private static string AssemblyName(string csproj) =>
        XDocument.Load(csproj).Descendants("AssemblyName").FirstOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(csproj);
}
