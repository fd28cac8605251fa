using NeuralPost.ImageFiles;

namespace NeuralPost.Tests.ImageFiles;

/// <summary>
/// Skia reads more than the five documented formats; WBMP has no magic number, so before the fuzzer found it,
/// ten bytes of junk starting with two zeros came back as an 8x6 image.
/// </summary>
internal sealed class UndocumentedFormatTests
{
    [Test]
    public void WbmpIsRefusedAndSaysWhatSkiaSawInIt()
    {
        byte[] wbmp = [0, 0, 8, 6, 0xAA, 0x55, 0xAA, 0x55, 0xAA, 0x55];

        var error = Assert.Throws<ImageFileException>(() => ImageFile.Decode(wbmp, "junk.bin"))!;

        Assert.That(error.Message, Is.EqualTo("junk.bin: not a PNG, JPEG, WebP, BMP or GIF image (Skia reads it as WBMP)"));
    }

    [Test]
    public void AJpegWithABrokenHeaderIsCalledACorruptJpegNotANonImage()
    {
        // A JPEG start, then a start-of-frame segment whose length runs past the marker structure.
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x00, 0x00, 0x10, 0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xFF, 0xD9];

        var error = Assert.Throws<ImageFileException>(() => ImageFile.Decode(jpeg, "broken.jpg"))!;

        Assert.That(error.Message, Does.StartWith("broken.jpg: corrupt JPEG header").Or.StartWith("broken.jpg: truncated or corrupt image header").Or.StartWith("broken.jpg: unsupported JPEG variant"));
        Assert.That(error.Message, Does.Not.Contain("not a PNG"));
    }
}
