using NeuralPost.Core;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

/// <summary>Malformed, truncated and hostile inputs must fail fast with a <see cref="PngFormatException"/>.</summary>
internal sealed class PngBadInputTests
{
    private static byte[] ValidFile() => File.ReadAllBytes(PngFixtures.Fixture("rgb8_f4.png"));

    private static PngFormatException Rejects(byte[] data, PngDecoderOptions? options = null) =>
        Assert.Throws<PngFormatException>(() => PngDecoder.Decode(data, options))!;

    [Test]
    public void FormatErrorsAreNeuralPostErrors() =>
        Assert.That(new PngFormatException("x"), Is.InstanceOf<NeuralPostException>());

    [Test]
    public void Crc32MatchesTheStandardCheckValue() =>
        Assert.That(Crc32.Compute("123456789"u8), Is.EqualTo(0xCBF43926u));

    [Test]
    public void EmptyInput() => Assert.That(Rejects([]).Message, Does.Contain("empty input"));

    [Test]
    public void NotAPng() =>
        Assert.That(Rejects("GIF89a, definitely not a PNG"u8.ToArray()).Message, Is.EqualTo("not a PNG file (bad signature)"));

    [TestCase(4, "truncated file: signature")]
    [TestCase(12, "truncated file: chunk header")]
    [TestCase(21, "truncated file: chunk IHDR needs 25 bytes, 13 remain")]
    public void TruncatedInHeader(int length, string message) =>
        Assert.That(Rejects(ValidFile()[..length]).Message, Does.StartWith(message));

    [TestCase(0.1)]
    [TestCase(0.5)]
    [TestCase(0.99)]
    public void TruncatedInsideIdat(double fraction)
    {
        byte[] file = ValidFile();
        (_, int offset, int length) = PngTestFiles.Chunks(file).Single(c => c.Type == "IDAT");
        int cut = offset + 8 + (int)(length * fraction);

        Assert.That(Rejects(file[..cut]).Message, Does.StartWith($"truncated file: chunk IDAT needs {length + 12} bytes"));
    }

    [Test]
    public void MissingIend()
    {
        byte[] file = ValidFile();
        Assert.That(Rejects(file[..^12]).Message, Does.StartWith("missing IEND"));
    }

    [Test]
    public void FlippedIdatByteFailsTheCrc()
    {
        byte[] file = ValidFile();
        (_, int offset, int length) = PngTestFiles.Chunks(file).Single(c => c.Type == "IDAT");
        file[offset + 8 + (length / 2)] ^= 0x10;

        Assert.That(Rejects(file).Message, Is.EqualTo("bad CRC in chunk IDAT"));
    }

    [Test]
    public void HugeHeaderIsRejectedBeforeAnyLargeAllocation()
    {
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(100000, 100000, 8, 2), PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib(new byte[16])));
        Assert.Throws<PngImageTooLargeException>(() => PngDecoder.Decode(file));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<PngImageTooLargeException>(() => PngDecoder.Decode(file))!;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(error.Message, Is.EqualTo("image 100000x100000 exceeds the limit of 268435456 pixels"));
        Assert.That(allocated, Is.LessThan(1 << 20));
    }

    [Test]
    public void ByteLimitIsEnforced()
    {
        var options = new PngDecoderOptions { MaxBytes = (13 * 11 * 3) - 1 };
        Assert.That(() => PngDecoder.Decode(ValidFile(), options), Throws.TypeOf<PngImageTooLargeException>());
        Assert.That(PngDecoder.Decode(ValidFile(), new PngDecoderOptions { MaxBytes = 13 * 11 * 3 }).Width, Is.EqualTo(13));
    }

    [Test]
    public void ZlibBombStopsAtTheExpectedSize()
    {
        byte[] bomb = PngTestFiles.Zlib(new byte[64 << 20]);
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(16, 16, 8, 0), PngTestFiles.Chunk("IDAT", bomb));

        long before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<PngFormatException>(() => PngDecoder.Decode(file))!;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.That(error.Message, Is.EqualTo("IDAT data inflates to more than the 272 bytes the image needs"));
        Assert.That(allocated, Is.LessThan(4 << 20));
    }

    [Test]
    public void TooLittleImageData()
    {
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(16, 16, 8, 0), PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib(new byte[100])));
        Assert.That(Rejects(file).Message, Does.StartWith("truncated image data"));
    }

    [Test]
    public void CorruptZlibData()
    {
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(4, 4, 8, 0), PngTestFiles.Chunk("IDAT", [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF]));
        Assert.That(Rejects(file).Message, Does.StartWith("corrupt zlib data in IDAT"));
    }

    [Test]
    public void InvalidFilterByteNamesTheRow()
    {
        var raw = new byte[5 * 5];
        raw[3 * 5] = 7;
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(4, 5, 8, 0), PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib(raw)));

        Assert.That(Rejects(file).Message, Is.EqualTo("invalid filter type 7 on row 3"));
    }

    [TestCase(4, 2, "bit depth 4 is not allowed for colour type 2")]
    [TestCase(16, 3, "bit depth 16 is not allowed for colour type 3")]
    [TestCase(3, 0, "bit depth 3 is not allowed for colour type 0")]
    [TestCase(1, 6, "bit depth 1 is not allowed for colour type 6")]
    [TestCase(8, 4 + 1, "invalid colour type 5")]
    [TestCase(8, 1, "invalid colour type 1")]
    public void BadDepthAndColourCombinations(int depth, int colorType, string message)
    {
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(4, 4, (byte)depth, (byte)colorType), PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib(new byte[80])));
        Assert.That(Rejects(file).Message, Is.EqualTo(message));
    }

    [Test]
    public void ZeroWidth()
    {
        byte[] file = PngTestFiles.Build(PngTestFiles.Ihdr(0, 4, 8, 0), PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib([0])));
        Assert.That(Rejects(file).Message, Is.EqualTo("invalid image size 0x4"));
    }

    [Test]
    public void UnknownCriticalChunkIsRejectedButUnknownAncillaryIsSkipped()
    {
        byte[] idat = PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib(new byte[4 * 5]));
        byte[] ihdr = PngTestFiles.Ihdr(4, 4, 8, 0);

        Assert.That(Rejects(PngTestFiles.Build(ihdr, PngTestFiles.Chunk("ABCD", [1, 2]), idat)).Message, Is.EqualTo("unknown critical chunk ABCD"));
        Assert.That(PngDecoder.Decode(PngTestFiles.Build(ihdr, PngTestFiles.Chunk("abCD", [1, 2]), idat)).Samples, Is.All.Zero);
    }

    [Test]
    public void FirstChunkMustBeIhdr()
    {
        byte[] file = [.. PngTestFiles.Signature, .. PngTestFiles.Chunk("IDAT", [1]), .. PngTestFiles.Chunk("IEND", [])];
        Assert.That(Rejects(file).Message, Is.EqualTo("first chunk is IDAT, expected IHDR"));
    }

    [Test]
    public void PaletteImageNeedsPlteAndIndicesInRange()
    {
        byte[] ihdr = PngTestFiles.Ihdr(2, 1, 8, 3);
        byte[] idat = PngTestFiles.Chunk("IDAT", PngTestFiles.Zlib([0, 0, 2]));

        Assert.That(Rejects(PngTestFiles.Build(ihdr, idat)).Message, Is.EqualTo("missing PLTE chunk for a palette image"));
        byte[] plte = PngTestFiles.Chunk("PLTE", [1, 2, 3, 4, 5, 6]);
        Assert.That(Rejects(PngTestFiles.Build(ihdr, plte, idat)).Message, Is.EqualTo("palette index 2 is out of range (palette has 2 entries)"));
    }

    [Test]
    public void NoIdat() =>
        Assert.That(Rejects(PngTestFiles.Build(PngTestFiles.Ihdr(4, 4, 8, 0))).Message, Is.EqualTo("no IDAT chunk before IEND"));
}
