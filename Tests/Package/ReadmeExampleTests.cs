using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NeuralPost.Effects.Upscale;
using NeuralPost.ImageFiles;

namespace NeuralPost.Tests.Package;

/// <summary>
/// The README's "Runtime API in five lines" is what a game developer copies first: it must compile against the
/// package as it is, with the namespaces the README names.
/// </summary>
internal sealed partial class ReadmeExampleTests
{
    private const string Heading = "Runtime API in five lines";

    /// <summary>The namespaces the README tells the reader to import; the test checks it names each one.</summary>
    private static readonly string[] Namespaces =
        ["NeuralPost.Core", "NeuralPost.Effects", "NeuralPost.Effects.Upscale", "NeuralPost.Inference", "NeuralPost.ImageFiles"];

    /// <summary>The global usings an SDK-style project with ImplicitUsings gets, as a developer's project would.</summary>
    private const string ImplicitUsings = "global using System;\nglobal using System.Collections.Generic;\nglobal using System.IO;\n" +
        "global using System.Linq;\nglobal using System.Net.Http;\nglobal using System.Threading;\nglobal using System.Threading.Tasks;\n";

    [Test]
    public void TheFiveLineExampleCompilesAgainstThePackage()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "README.md"));
        var at = readme.IndexOf(Heading, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"README has no '{Heading}' paragraph");
        var intro = readme[at..readme.IndexOf("```csharp", at, StringComparison.Ordinal)];
        var code = CodeBlock().Match(readme, at).Groups["code"].Value;
        var lines = code.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var source = ImplicitUsings + string.Concat(Namespaces.Select(name => $"using {name};\n")) + code;
        var compilation = CSharpCompilation.Create("ReadmeExample",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            References(), new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(lines, Has.Length.EqualTo(5), "five lines, as the heading says");
            Assert.That(errors, Is.Empty, "the example does not compile:\n" + source);
            foreach (var name in Namespaces)
            {
                Assert.That(intro, Does.Contain(name), "the README names the namespaces the example needs");
            }
        });
    }

    private static List<MetadataReference> References()
    {
        // The framework's own assemblies plus the package assemblies the example uses.
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        var package = new[] { typeof(NeuralPost.Core.ModelManifest).Assembly.Location, typeof(ImageFile).Assembly.Location, typeof(TiledUpscaler).Assembly.Location };
        return framework.Concat(package).Distinct(StringComparer.Ordinal).Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)).ToList();
    }

    [GeneratedRegex("```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
