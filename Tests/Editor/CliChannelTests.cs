using NeuralPost.ImageFiles;
using NeuralPost.Tests.ImageFiles;

namespace NeuralPost.Tests.Editor;

/// <summary><c>upscale</c> and <c>dehaze</c> keep alpha and grey, and say once what an output cannot keep.</summary>
internal sealed class CliChannelTests
{
    private const int Width = 20;
    private const int Height = 16;

    // Transparent from x 5 to 12 and y 4 to 9: wide enough that bicubic's 4-tap reach leaves a flat interior.
    private static readonly (int X0, int Y0, int X1, int Y1) Hole = (5, 4, 13, 10);

    [Test]
    public void AnRgbaPngKeepsItsAlphaWhereNearestNeighbourPutsIt()
    {
        var (input, output) = Paths("in.png", "out.png");
        var image = ChannelFixtures.TransparentHole(Width, Height, Hole);
        ImageFile.Save(image, input);

        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", "--tile", "8", input, output);

        Assert.That(code, Is.Zero, err);
        Assert.That(ChannelFixtures.PngColourType(output), Is.EqualTo(6), "written as RGBA");
        var result = ImageFile.LoadWithInfo(output);
        var alpha = result.Alpha ?? throw new AssertionException("no alpha plane");
        for (var y = 0; y < Height * 2; y++)
        {
            for (var x = 0; x < Width * 2; x++)
            {
                var nearest = image.Alpha![(y / 2 * Width) + (x / 2)];
                var actual = alpha[(y * Width * 2) + x];
                // Bicubic softens the edge by at most one input pixel; beyond that both sides stay exact.
                var flat = !NearEdge(x / 2, y / 2);
                Assert.That(flat ? actual == nearest : (actual > 127) == (nearest == 255), $"alpha {actual} at {x},{y}, nearest {nearest}");
                if (nearest == 0)
                {
                    Assert.That(result.Rgb.Data.AsSpan(((y * Width * 2) + x) * 3, 3).ToArray(), Is.EqualTo(ChannelFixtures.HiddenColour), "colour under transparency, not black");
                }
            }
        }
    }

    [Test]
    public void AGreyPngComesBackAsAGreyPng()
    {
        var (input, output) = Paths("grey.png", "out.png");
        var image = ChannelFixtures.Grey(13, 9);
        ImageFile.Save(image, input);

        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", input, output);

        Assert.That(code, Is.Zero, err);
        Assert.That(ChannelFixtures.PngColourType(output), Is.Zero, "PNG colour type 0 (grey)");
        var result = ImageFile.LoadWithInfo(output);
        Assert.That(result.Info.Channels, Is.EqualTo(ImageChannels.Grey));
        Assert.That(result.Rgb.Data[(((3 * 26) + 5) * 3)..][..3], Is.EqualTo(image.Rgb.Data[(((1 * 13) + 2) * 3)..][..3]), "pixel 5,3 is input pixel 2,1");
    }

    [Test]
    public void AGreyAlphaPngComesBackGreyWithItsAlpha()
    {
        var (input, output) = Paths("grey-alpha.png", "out.png");
        File.WriteAllBytes(input, ChannelFixtures.GreyAlphaPng(8, 3));

        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", input, output);

        Assert.That(code, Is.Zero, err);
        var result = ImageFile.LoadWithInfo(output);
        Assert.That(result.Alpha?[..16], Is.EqualTo(new byte[] { 0, 0, 0, 0, 0, 0, 0, 52, 203, 255, 255, 255, 255, 255, 255, 255 }), "bicubic across the step");
        Assert.That(result.Rgb.Data[(3 * 3)..][..6], Is.EqualTo(new byte[] { 10, 10, 10, 20, 20, 20 }), "pixels 3 and 4 of the first row: grey 10 and 20");
    }

    [Test]
    public void ASixteenBitInputSaysOnceThatItIsWrittenAsEightBit()
    {
        var (input, output) = Paths("deep.png", "out.png");
        File.WriteAllBytes(input, ChannelFixtures.Rgb16Png(6, 5).Png);

        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", input, output);

        Assert.That(code, Is.Zero, err);
        Assert.That(CliRunner.Lines(err).Count(l => l.Contains("is 16-bit: written as 8-bit", StringComparison.Ordinal)), Is.EqualTo(1), err);
        Assert.That(err, Does.Contain($"neuralpost: {input} is 16-bit"));
    }

    [Test]
    public void AnRgbaInputWrittenAsJpegSaysOnceThatAlphaIsDropped()
    {
        var (input, output) = Paths("in.png", "out.jpg");
        ImageFile.Save(ChannelFixtures.TransparentHole(Width, Height, Hole), input);

        var (code, _, err) = CliRunner.Run("upscale", "--model", "test-nearest-x2", input, output);

        Assert.That(code, Is.Zero, err);
        Assert.That(CliRunner.Lines(err).Count(l => l.Contains("JPEG has none", StringComparison.Ordinal)), Is.EqualTo(1), err);
        Assert.That(ImageFile.LoadWithInfo(output).Info.HasAlpha, Is.False);
    }

    [Test]
    public void DehazeKeepsAlphaAndGreyUnchanged()
    {
        var (input, output) = Paths("in.png", "out.png");
        var image = ChannelFixtures.TransparentHole(Width, Height, Hole);
        ImageFile.Save(image, input);
        var (greyInput, greyOutput) = Paths("grey.png", "grey-out.png");
        ImageFile.Save(ChannelFixtures.Grey(Width, Height), greyInput);

        var (code, _, err) = CliRunner.Run("dehaze", input, output);
        var (greyCode, _, greyErr) = CliRunner.Run("dehaze", greyInput, greyOutput);

        Assert.That((code, greyCode), Is.EqualTo((0, 0)), err + greyErr);
        Assert.That(ImageFile.LoadWithInfo(output).Alpha, Is.EqualTo(image.Alpha));
        Assert.That(ChannelFixtures.PngColourType(greyOutput), Is.Zero);
    }

    private static bool NearEdge(int x, int y) =>
        Math.Abs(x - Hole.X0) <= 1 || Math.Abs(x - (Hole.X1 - 1)) <= 1 || Math.Abs(y - Hole.Y0) <= 1 || Math.Abs(y - (Hole.Y1 - 1)) <= 1;

    private static (string Input, string Output) Paths(string input, string output)
    {
        var dir = TestPaths.NewTempDirectory();
        return (Path.Combine(dir, input), Path.Combine(dir, output));
    }
}
