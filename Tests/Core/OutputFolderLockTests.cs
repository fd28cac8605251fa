using NeuralPost.Core;

namespace NeuralPost.Tests.Core;

internal sealed class OutputFolderLockTests
{
    [Test]
    public void ASecondRunIntoTheSameFolderIsRefusedNamingIt()
    {
        var dir = TestPaths.NewTempDirectory();
        using var first = OutputFolderLock.Acquire(dir);

        Assert.That(() => OutputFolderLock.Acquire(Path.Combine(dir, ".")),
            Throws.InstanceOf<OutputFolderInUseException>().With.Message.Contains($"output folder {dir} is in use by another run")
                .And.Property(nameof(OutputFolderInUseException.Folder)).EqualTo(dir));
    }

    [Test]
    public void ReleasingRemovesTheLockFileAndFreesTheFolder()
    {
        var dir = TestPaths.NewTempDirectory();
        OutputFolderLock.Acquire(dir).Dispose();
        Assert.That(Path.Combine(dir, OutputFolderLock.FileName), Does.Not.Exist);
        Assert.That(() => OutputFolderLock.Acquire(dir).Dispose(), Throws.Nothing);
    }

    [Test]
    public void ALeftoverLockFileThatNobodyHoldsDoesNotBlock()
    {
        var dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, OutputFolderLock.FileName), "left by a killed run");
        Assert.That(() => OutputFolderLock.Acquire(dir).Dispose(), Throws.Nothing);
    }

    [Test]
    public void AMissingFolderIsCreated()
    {
        var dir = Path.Combine(TestPaths.NewTempDirectory(), "new", "out");
        using (OutputFolderLock.Acquire(dir))
        {
            Assert.That(Path.Combine(dir, OutputFolderLock.FileName), Does.Exist);
        }
    }
}
