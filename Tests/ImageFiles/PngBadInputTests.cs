using NeuralPost.Core;
using NeuralPost.ImageFiles;
using NeuralPost.Tests.Imaging;

namespace NeuralPost.Tests.ImageFiles;

/// <summary>
/// Malformed, truncated and hostile PNG files must fail fast with one typed error naming the file, where Skia
/// on its own would hand back a partly zero-filled image.
/// </summary>
internal sealed class PngBadInputTests
{
    private const string Name = "hostile.png";

    private static byte[] ValidFile() => File.ReadAllBytes(PngFixtures.Fixture("rgb8_f4.png"));

    private static string Rejects(byte[] data)
    {
        var error = Assert.Throws<ImageFileException>(() => ImageFile.Decode(data, Name))!;
        Assert.That(error.FileName, Is.EqualTo(Name));
        Assert.That(error.Message, Does.StartWith($"{Name}: "));
        return error.Message[(Name.Length + 2)..];
    }

    [Test]
    public void ImageFileErrorsAreNeuralPostErrors() =>
        Assert.That(new ImageFileException("f", "x"), Is.InstanceOf<NeuralPostException>());

    [Test]
    public void EmptyInput() => Assert.That(Rejects([]), Is.EqualTo("empty file"));

    [Test]
    public void JunkIsNotAnImage() =>
        Assert.That(Rejects("GIF89, definitely not an image at all"u8.ToArray()), Does.StartWith("not a PNG, JPEG, WebP, BMP or GIF image"));

    [TestCase(4)]
    [TestCase(12)]
    [TestCase(21)]
    public void TruncatedInHeader(int length) =>
        Assert.That(Rejects(ValidFile()[..length]), Does.StartWith("truncated or corrupt image header").Or.StartWith("not a PNG"));

    [TestCase(0.1)]
    [TestCase(0.5)]
    [TestCase(0.99)]
    public void TruncatedInsideIdat(double fraction)
    {
        byte[] file = ValidFile();
        (_, int offset, int length) = PngTestFiles.Chunks(file).Single(c => c.Type == "IDAT");
        int cut = offset + 8 + (int)(length * fraction);

        Assert.That(Rejects(file[..cut]), Does.StartWith("truncated PNG"));
    }

    [Test]
    public void MissingIend() =>
        Assert.That(Rejects(ValidFile()[..^12]), Is.EqualTo("truncated PNG file (it does not end with an IEND chunk)"));

    [Test]
    public void FlippedIdatByteFailsTheCrc()
    {
        byte[] file = ValidFile();
        (_, int offset, int length) = PngTestFiles.Chunks(file).Single(c => c.Type == "IDAT");
        file[offset + 8 + (length / 2)] ^= 0x10;

        Assert.That(Rejects(file), Does.StartWith("corrupt PNG data").Or.StartWith("truncated PNG data"));
    }

    [Test]
    public void HugeHeaderIsRejectedBeforeAnyLargeAllocation()
    {
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(100000, 100000, 8, 2), PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib(new byte[16])));
        Assert.Throws<ImageTooLargeException>(() => ImageFile.Decode(file));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<ImageTooLargeException>(() => ImageFile.Decode(file, Name))!;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(error.Message, Is.EqualTo($"{Name}: image 100000x100000 exceeds the limit of 268435456 pixels"));
        Assert.That((error.Width, error.Height), Is.EqualTo((100000, 100000)));
        Assert.That(allocated, Is.LessThan(1 << 20));
    }

    [Test]
    public void PixelLimitIsConfigurable()
    {
        Assert.That(() => ImageFile.Decode(ValidFile(), Name, new ImageReadOptions { MaxPixels = (13 * 11) - 1 }), Throws.TypeOf<ImageTooLargeException>());
        Assert.That(ImageFile.Decode(ValidFile(), Name, new ImageReadOptions { MaxPixels = 13 * 11 }).Width, Is.EqualTo(13));
    }

    [Test]
    public void ZlibBombDecodesOnlyTheRowsTheHeaderDeclares()
    {
        byte[] bomb = PngTestFiles.Zlib(new byte[64 << 20]);
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(16, 16, 8, 0), PngTestFiles.Chunk("IDAT", bomb));

        var image = ImageFile.Decode(file, Name);

        Assert.That((image.Width, image.Height, image.Data.Max()), Is.EqualTo((16, 16, (byte)0)));
    }

    [Test]
    public void TooLittleImageData()
    {
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(16, 16, 8, 0), PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib(new byte[100])));
        Assert.That(Rejects(file), Is.EqualTo("truncated PNG data"));
    }

    [Test]
    public void CorruptZlibData()
    {
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(4, 4, 8, 0), PngTestFiles.Chunk("IDAT", [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF]));
        Assert.That(Rejects(file), Does.StartWith("corrupt PNG data").Or.StartWith("truncated PNG data"));
    }

    [Test]
    public void InvalidFilterByte()
    {
        var raw = new byte[5 * 5];
        raw[3 * 5] = 7;
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(4, 5, 8, 0), PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib(raw)));

        Assert.That(Rejects(file), Does.StartWith("corrupt PNG data").Or.StartWith("truncated PNG data"));
    }

    [TestCase(4, 2)]
    [TestCase(16, 3)]
    [TestCase(3, 0)]
    [TestCase(1, 6)]
    [TestCase(8, 5)]
    [TestCase(8, 1)]
    public void BadDepthAndColourCombinations(int depth, int colorType)
    {
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(4, 4, (byte)depth, (byte)colorType), PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib(new byte[80])));
        Assert.That(Rejects(file), Is.EqualTo("truncated or corrupt image header"));
    }

    [Test]
    public void ZeroWidth()
    {
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(0, 4, 8, 0), PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib([0])));
        Assert.That(Rejects(file), Is.EqualTo("truncated or corrupt image header"));
    }

    [Test]
    public void UnknownChunksAreSkippedEvenCriticalOnes()
    {
        // Unlike the managed decoder it replaced, Skia's libpng skips unknown critical chunks too; the pixels
        // are still the IDAT's.
        byte[] idat = PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib([0, 9, 9, 9, 9, 0, 9, 9, 9, 9, 0, 9, 9, 9, 9, 0, 9, 9, 9, 9]));
        byte[] ihdr = PngTestFiles.Ihdr(4, 4, 8, 0);

        Assert.That(ImageFile.Decode(PngTestFiles.Build(ihdr, PngTestFiles.Chunk("ABCD", [1, 2]), idat)).Data, Is.All.EqualTo(9));
        Assert.That(ImageFile.Decode(PngTestFiles.Build(ihdr, PngTestFiles.Chunk("abCD", [1, 2]), idat)).Data, Is.All.EqualTo(9));
    }

    [Test]
    public void FirstChunkMustBeIhdr()
    {
        byte[] file = [.. PngTestFiles.Signature, .. PngTestFiles.Chunk("IDAT", [1]), .. PngTestFiles.Chunk("IEND", [])];
        Assert.That(Rejects(file), Is.EqualTo("truncated or corrupt image header"));
    }

    [Test]
    public void PaletteImageNeedsPlte()
    {
        byte[] ihdr = PngTestFiles.Ihdr(2, 1, 8, 3);
        byte[] idat = PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib([0, 0, 2]));

        Assert.That(Rejects(PngTestFiles.Build(ihdr, idat)), Does.StartWith("corrupt PNG data"));
    }

    [Test]
    public void NoIdat() =>
        Assert.That(Rejects(PngTestFiles.Build(PngTestFiles.Ihdr(4, 4, 8, 0))), Is.EqualTo("truncated or corrupt image header"));
}
