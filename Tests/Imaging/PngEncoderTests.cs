using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

/// <summary>Round trips through our decoder, filter-mode behaviour and checks against independent decoders.</summary>
internal sealed class PngEncoderTests
{
    private static readonly PngFilterMode[] Modes = Enum.GetValues<PngFilterMode>();

    private static IEnumerable<TestCaseData> AllLayouts()
    {
        foreach (PngColorKind kind in PngTestImages.Kinds)
        {
            foreach (int depth in new[] { 8, 16 })
            {
                foreach (PngFilterMode mode in Modes)
                {
                    yield return new TestCaseData(kind, depth, mode);
                }
            }
        }
    }

    [TestCaseSource(nameof(AllLayouts))]
    public void RoundTripIsExact(PngColorKind kind, int depth, PngFilterMode mode)
    {
        var options = new PngEncoderOptions { FilterMode = mode };
        foreach ((int w, int h) in new[] { (13, 11), (1, 1), (1, 9), (37, 1) })
        {
            foreach (PngImage source in new[] { PngTestImages.Random(w, h, kind, depth), PngTestImages.FewLevels(w, h, kind, depth) })
            {
                PngImage decoded = PngDecoder.Decode(PngEncoder.Encode(source, options));

                Assert.That((decoded.Width, decoded.Height, decoded.Channels, decoded.BitDepth), Is.EqualTo((w, h, kind, depth)));
                Assert.That(decoded.Samples, Is.EqualTo(source.Samples), $"{w}x{h}");
            }
        }
    }

    [TestCase(PngFilterMode.None, 0)]
    [TestCase(PngFilterMode.Sub, 1)]
    [TestCase(PngFilterMode.Up, 2)]
    [TestCase(PngFilterMode.Average, 3)]
    [TestCase(PngFilterMode.Paeth, 4)]
    public void FixedModeFiltersEveryRowWithThatType(PngFilterMode mode, int type)
    {
        PngImage image = PngTestImages.Random(20, 9, PngColorKind.Rgb, 8);
        byte[] png = PngEncoder.Encode(image, new PngEncoderOptions { FilterMode = mode });

        Assert.That(FilterTypes(png, image.Stride, image.Height), Is.All.EqualTo(type));
    }

    [Test]
    public void AdaptivePicksTheCheapestFilterPerRow()
    {
        // Every row is the same ramp: Sub makes row 0 all 3s (Paeth ties it; the lower type wins), and Up
        // (tied by Paeth) makes every later row all zeros.
        var image = new PngImage(50, 6, PngColorKind.Gray, 8, new byte[300]);
        for (int i = 0; i < 300; i++)
        {
            image.Samples[i] = (byte)((i % 50) * 3);
        }

        byte[] png = PngEncoder.Encode(image, new PngEncoderOptions { FilterMode = PngFilterMode.Adaptive });

        Assert.That(FilterTypes(png, 50, 6), Is.EqualTo(new[] { 1, 2, 2, 2, 2, 2 }));
    }

    [Test]
    public void LargeOutputIsSplitIntoSeveralIdatChunksAndDecodes()
    {
        PngImage image = PngTestImages.Random(200, 150, PngColorKind.Rgba, 16);
        byte[] png = PngEncoder.Encode(image);

        Assert.That(PngTestFiles.ChunkTypes(png).Count(t => t == "IDAT"), Is.GreaterThan(1));
        Assert.That(PngDecoder.Decode(png).Samples, Is.EqualTo(image.Samples));
    }

    [Test]
    public void Rgb8ImageRoundTripsThroughEncodeAndSave()
    {
        PngImage source = PngTestImages.Random(31, 17, PngColorKind.Rgb, 8);
        var rgb = new Rgb8Image(31, 17, source.Samples);
        string path = Path.Combine(Path.GetTempPath(), $"np-png-{Guid.NewGuid():N}.png");
        try
        {
            PngEncoder.Save(rgb, path);
            Assert.That(PngDecoder.Load(path).ToRgb8().Data, Is.EqualTo(rgb.Data));
            Assert.That(PngDecoder.Decode(PngEncoder.Encode(rgb)).Samples, Is.EqualTo(rgb.Data));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Test]
    public void PypngReadsEveryLayoutAndFilterModeExactly()
    {
        string dir = Directory.CreateTempSubdirectory("np-png-").FullName;
        try
        {
            var expected = new Dictionary<string, byte[]>();
            foreach (object?[] args in AllLayouts().Select(c => c.Arguments))
            {
                var (kind, depth, mode) = ((PngColorKind)args[0]!, (int)args[1]!, (PngFilterMode)args[2]!);
                PngImage image = PngTestImages.FewLevels(9, 7, kind, depth);
                string name = $"{kind}-{depth}-{mode}.png";
                File.WriteAllBytes(Path.Combine(dir, name), PngEncoder.Encode(image, new PngEncoderOptions { FilterMode = mode }));
                expected[name] = image.Samples;
            }

            const string script = """
                import os, sys
                for name in sorted(os.listdir(sys.argv[1])):
                    w, h, pixels, info = png.Reader(filename=os.path.join(sys.argv[1], name)).read_flat()
                    print(name, w, h, info['planes'], info['bitdepth'], ' '.join(map(str, pixels)))
                """;
            string[] lines = PngPython.Run("png", script, dir).Split('\n', StringSplitOptions.RemoveEmptyEntries);

            Assert.That(lines, Has.Length.EqualTo(expected.Count));
            foreach (string line in lines)
            {
                string[] parts = line.Split(' ');
                int depth = int.Parse(parts[4], CultureInfo.InvariantCulture);
                int[] values = [.. parts.Skip(5).Select(p => int.Parse(p, CultureInfo.InvariantCulture))];
                Assert.That(values, Is.EqualTo(SampleValues(expected[parts[0]], depth)), parts[0]);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Test]
    public void PilReadsAnEncodedRgbImage()
    {
        PngImage image = PngTestImages.Random(64, 48, PngColorKind.Rgb, 8);
        string path = Path.Combine(Path.GetTempPath(), $"np-png-{Guid.NewGuid():N}.png");
        try
        {
            PngEncoder.Save(image, path);
            string output = PngPython.Run("PIL.Image",
                "im = PIL.Image.open(__import__('sys').argv[1]); print(im.size[0], im.size[1], im.mode, sum(im.tobytes()))", path);

            long sum = image.Samples.Sum(b => (long)b);
            Assert.That(output.Trim(), Is.EqualTo($"64 48 RGB {sum}"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static int[] SampleValues(byte[] samples, int depth) => depth == 8
        ? [.. samples.Select(b => (int)b)]
        : [.. Enumerable.Range(0, samples.Length / 2).Select(i => (int)BinaryPrimitives.ReadUInt16BigEndian(samples.AsSpan(i * 2)))];

    private static int[] FilterTypes(byte[] png, int stride, int height)
    {
        using var inflater = new ZLibStream(new MemoryStream(PngTestFiles.ImageData(png)), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        byte[] bytes = raw.ToArray();
        Assert.That(bytes, Has.Length.EqualTo((stride + 1) * height));
        return [.. Enumerable.Range(0, height).Select(y => (int)bytes[y * (stride + 1)])];
    }
}
