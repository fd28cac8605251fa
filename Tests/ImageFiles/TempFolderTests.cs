namespace NeuralPost.Tests.ImageFiles;

/// <summary>A fresh folder per test, deleted afterwards, for tests that write image files.</summary>
internal abstract class TempFolderTests
{
    protected string Folder { get; private set; } = "";

    [SetUp]
    public void CreateFolder() => Folder = Directory.CreateTempSubdirectory("np-imagefiles-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(Folder, recursive: true);
}
