using NeuralPost.ImageFiles;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.ImageFiles;

/// <summary>Saving writes aside and renames, so the final name only ever holds a complete file.</summary>
internal sealed class ImageFileSaveTests : TempFolderTests
{
    [Test]
    public void ReplacesAnExistingFileAndLeavesNoTemporaryFile()
    {
        string path = Path.Combine(Folder, "out.png");
        File.WriteAllText(path, "old contents");
        var image = ImageFileFormatTests.Pattern();

        ImageFile.Save(image, path);

        Assert.That(ImageFile.Load(path).Data, Is.EqualTo(image.Data));
        Assert.That(Directory.GetFileSystemEntries(Folder), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void AFailedWriteKeepsTheOldFileAndCleansUp()
    {
        string path = Path.Combine(Folder, "out.jpg");
        File.WriteAllText(path, "old contents");

        // Quality 0 is refused by the encoder after the temporary file exists.
        Assert.That(() => ImageFile.Save(ImageFileFormatTests.Pattern(), path, new ImageWriteOptions { Quality = 0 }),
            Throws.InstanceOf<ArgumentOutOfRangeException>());

        Assert.That(File.ReadAllText(path), Is.EqualTo("old contents"));
        Assert.That(Directory.GetFileSystemEntries(Folder), Is.EqualTo(new[] { path }));
    }

    [Test]
    public void MissingFolderIsAnIoError() =>
        Assert.That(() => ImageFile.Save(new Rgb8Image(2, 2), Path.Combine(Folder, "no", "out.png")), Throws.InstanceOf<IOException>());
}
