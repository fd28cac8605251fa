using NeuralPost.Core;

namespace NeuralPost.Tests.Core;

internal sealed class AtomicFileTests
{
    [Test]
    public void AWriterThatThrowsLeavesTheOldFileAndNoTemporaryFile()
    {
        var dir = TestPaths.NewTempDirectory();
        var path = Path.Combine(dir, "a.json");
        File.WriteAllText(path, "old");

        Assert.That(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("new, half written"u8);
            throw new InvalidDataException("the serializer failed");
        }), Throws.InstanceOf<InvalidDataException>());

        Assert.That(File.ReadAllText(path), Is.EqualTo("old"));
        Assert.That(Directory.GetFileSystemEntries(dir), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void AMissingFolderIsAnIoErrorNamingTheTarget()
    {
        var path = Path.Combine(TestPaths.NewTempDirectory(), "no", "a.json");
        Assert.That(() => AtomicFile.WriteAllBytes(path, "x"u8.ToArray()),
            Throws.InstanceOf<IOException>().With.Message.EqualTo($"cannot write {path}: its folder {Path.GetDirectoryName(path)} does not exist; nothing was written"));
    }
}
