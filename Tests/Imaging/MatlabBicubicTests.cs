using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

internal sealed class MatlabBicubicTests
{
    private static readonly byte[] Row = [10, 50, 200, 30, 0, 255, 128, 64];

    [Test]
    public void UpscaleX2OfARowMatchesHandComputedBorderSamples()
    {
        Rgb8Image result = MatlabBicubic.Resize(GreyRow(Row), 16, 1);

        // At scale 2 the taps sit at distances 1.75, 0.75, 0.25, 1.25 with cubic weights
        // -0.0234375, 0.2265625, 0.8671875, -0.0703125. Output 1 (centre 0.75) reads positions -1, 0, 1, 2;
        // replication folds -1 and 0 onto sample 1: (-0.0234375 + 0.2265625 + 0.8671875)*10 - 0.0703125*50 = 7.1875.
        // Output 2 (centre 1.25) reads 0..3: (-0.0703125 + 0.8671875)*10 + 0.2265625*50 - 0.0234375*200 = 14.609375.
        Assert.That(result.Width, Is.EqualTo(16));
        Assert.That(result.Height, Is.EqualTo(1));
        Assert.That(GreyValues(result)[0], Is.EqualTo(7));
        Assert.That(GreyValues(result)[1], Is.EqualTo(15));
    }

    [Test]
    public void DownscaleX2OfARowMatchesHandComputedBorderSample()
    {
        Rgb8Image result = MatlabBicubic.Resize(GreyRow(Row), 4, 1);

        // Antialiased at scale 1/2: weights 0.5*cubic(d/2) at d = 2.5, 1.5, 0.5 on either side of centre 1.5
        // (-0.01171875, -0.03515625, 0.11328125, 0.43359375, mirrored). Positions -2..1 replicate sample 1:
        // 0.5*10 + 0.43359375*50 + 0.11328125*200 - 0.03515625*30 - 0.01171875*0 = 48.28125.
        Assert.That(result.Width, Is.EqualTo(4));
        Assert.That(GreyValues(result)[0], Is.EqualTo(48));
    }

    [TestCase(8, 16)]
    [TestCase(8, 4)]
    [TestCase(8, 3)]
    [TestCase(8, 24)]
    [TestCase(9, 2)]
    [TestCase(5, 7)]
    public void RowResizeMatchesNaiveDefinition(int inLength, int outLength)
    {
        byte[] row = [.. Row.Concat(Row).Take(inLength)];
        double scale = (double)outLength / inLength;
        byte[] expected = [.. ReferenceBicubic.Resample([.. row.Select(v => (double)v)], outLength, scale).Select(ReferenceBicubic.ToUint8)];

        Rgb8Image horizontal = MatlabBicubic.Resize(GreyRow(row), outLength, 1);
        Rgb8Image vertical = MatlabBicubic.Resize(GreyColumn(row), 1, outLength);

        Assert.That(GreyValues(horizontal), Is.EqualTo(expected));
        Assert.That(GreyValues(vertical), Is.EqualTo(expected));
    }

    [Test]
    public void OvershootIsClampedToByteRange()
    {
        byte[] step = [0, 0, 0, 255, 255, 255];
        byte[] result = GreyValues(MatlabBicubic.Resize(GreyRow(step), 12, 1));

        double[] unclamped = ReferenceBicubic.Resample([.. step.Select(v => (double)v)], 12, 2);
        Assert.That(unclamped.Min(), Is.LessThan(0));
        Assert.That(unclamped.Max(), Is.GreaterThan(255));
        Assert.That(result, Is.EqualTo(unclamped.Select(ReferenceBicubic.ToUint8).ToArray()));
    }

    [TestCase(7, 5, 3, 9)]
    [TestCase(7, 5, 14, 10)]
    [TestCase(12, 9, 4, 3)]
    [TestCase(6, 11, 13, 4)]
    [TestCase(10, 10, 10, 3)]
    public void ImageResizeRoundsAfterEachPassInScaleOrder(int width, int height, int outWidth, int outHeight)
    {
        Rgb8Image source = RandomImage(width, height, seed: (width * 31) + outHeight);

        Rgb8Image result = MatlabBicubic.Resize(source, outWidth, outHeight);

        double[] expected = ReferenceBicubic.Resize(
            [.. source.Data.Select(v => (double)v)], width, height, outWidth, outHeight,
            (double)outWidth / width, (double)outHeight / height, roundEachPass: true);
        Assert.That(result.Data, Is.EqualTo(expected.Select(v => (byte)v).ToArray()));
    }

    [TestCase(2)]
    [TestCase(3)]
    [TestCase(4)]
    public void DownscaleAndUpscaleUseIntegerFactors(int factor)
    {
        Rgb8Image source = RandomImage((5 * factor) + 1, 4 * factor, seed: factor);

        Rgb8Image down = MatlabBicubic.Downscale(source, factor);
        Rgb8Image up = MatlabBicubic.Upscale(down, factor);

        Assert.That((down.Width, down.Height), Is.EqualTo((5, 4)));
        Assert.That((up.Width, up.Height), Is.EqualTo((5 * factor, 4 * factor)));
        double[] expected = ReferenceBicubic.Resize(
            [.. source.Data.Select(v => (double)v)], source.Width, source.Height, 5, 4, 1.0 / factor, 1.0 / factor, roundEachPass: true);
        Assert.That(down.Data, Is.EqualTo(expected.Select(v => (byte)v).ToArray()));
    }

    [Test]
    public void FloatPathResizesEachPlaneWithoutRounding()
    {
        const int channels = 2, height = 5, width = 7, outHeight = 9, outWidth = 4;
        var random = new Random(7);
        float[] source = [.. Enumerable.Range(0, channels * height * width).Select(_ => (float)random.NextDouble())];
        var destination = new float[channels * outHeight * outWidth];

        MatlabBicubic.Resize(source, channels, height, width, destination, outHeight, outWidth);

        for (int c = 0; c < channels; c++)
        {
            // Reuse the interleaved reference by giving it the plane in all three channels.
            double[] interleaved = [.. source.Skip(c * height * width).Take(height * width).SelectMany(v => new double[] { v, v, v })];
            double[] expected = ReferenceBicubic.Resize(
                interleaved, width, height, outWidth, outHeight, (double)outWidth / width, (double)outHeight / height, roundEachPass: false);
            float[] actual = destination[(c * outHeight * outWidth)..((c + 1) * outHeight * outWidth)];
            Assert.That(actual, Is.EqualTo(expected.Where((_, i) => i % 3 == 0).ToArray()).Within(1e-5));
        }
    }

    [Test]
    public void FloatPathRejectsMismatchedLengths()
    {
        var source = new float[3 * 4 * 5];
        var destination = new float[(3 * 8 * 10) - 1];

        Assert.That(
            () => MatlabBicubic.Resize(source, 3, 4, 5, destination, 8, 10),
            Throws.ArgumentException.With.Message.Contains("Destination"));
        Assert.That(
            () => MatlabBicubic.Resize(source, 3, 5, 5, new float[3 * 8 * 10], 8, 10),
            Throws.ArgumentException.With.Message.Contains("Source"));
    }

    [Test]
    public void DownscaleRejectsImagesSmallerThanTheFactor() =>
        Assert.That(() => MatlabBicubic.Downscale(new Rgb8Image(3, 8), 4), Throws.ArgumentException);

    [Test]
    public void SameSizeResizeIsIdentity()
    {
        Rgb8Image source = RandomImage(6, 4, seed: 3);
        Assert.That(MatlabBicubic.Resize(source, 6, 4).Data, Is.EqualTo(source.Data));
    }

    internal static Rgb8Image RandomImage(int width, int height, int seed)
    {
        var data = new byte[width * height * 3];
        new Random(seed).NextBytes(data);
        return new Rgb8Image(width, height, data);
    }

    private static Rgb8Image GreyRow(byte[] values) =>
        new(values.Length, 1, [.. values.SelectMany(v => new[] { v, v, v })]);

    private static Rgb8Image GreyColumn(byte[] values) =>
        new(1, values.Length, [.. values.SelectMany(v => new[] { v, v, v })]);

    private static byte[] GreyValues(Rgb8Image image)
    {
        byte[] data = image.Data;
        Assert.That(data.Where((_, i) => i % 3 == 1), Is.EqualTo(data.Where((_, i) => i % 3 == 0)));
        return [.. data.Where((_, i) => i % 3 == 0)];
    }
}
