using NeuralPost.ImageFiles;
using NeuralPost.Tests.Imaging;

namespace NeuralPost.Tests.ImageFiles;

/// <summary>
/// Every PNG fixture (every colour type, bit depth, filter, interlacing, tRNS) decodes through Skia to the same
/// 8-bit RGB as PIL's <c>convert('RGB')</c>, the independent decoder the old managed codec was checked against.
/// </summary>
internal sealed class PilFixtureParityTests
{
    // PIL opens 16-bit grey as mode I and convert('RGB') clips it to 255 instead of scaling, so the script
    // takes the high byte itself, which is what PIL does for 16-bit RGB(A).
    private const string Script = """
        import sys
        for path in sys.argv[1:]:
            im = PIL.Image.open(path)
            if im.mode.startswith('I'):
                im = im.point(lambda v: v / 256).convert('L')
            print(im.convert('RGB').tobytes().hex())
        """;

    /// <summary>
    /// Largest difference allowed per sample for 16-bit files: PIL truncates 16 to 8 bits (v >> 8) while Skia
    /// rounds, so the two may differ by one step; 8-bit and smaller files must match exactly.
    /// </summary>
    private const int SixteenBitTolerance = 1;

    [Test]
    public void EveryFixtureMatchesPil()
    {
        string[] names = [.. PngFixtures.Names()];
        string[] lines = PngPython.Run("PIL.Image", Script, [.. names.Select(PngFixtures.Fixture)])
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(names.Length));

        Assert.Multiple(() =>
        {
            for (int i = 0; i < names.Length; i++)
            {
                byte[] pil = Convert.FromHexString(lines[i]);
                byte[] ours = ImageFile.Load(PngFixtures.Fixture(names[i])).Data;
                int tolerance = PngFixtureSpec.Parse(names[i]).Bits == 16 ? SixteenBitTolerance : 0;
                Assert.That(ours, Has.Length.EqualTo(pil.Length), names[i]);
                Assert.That(MaxDifference(ours, pil), Is.LessThanOrEqualTo(tolerance), names[i]);
            }
        });
    }

    internal static int MaxDifference(byte[] a, byte[] b) =>
        a.Zip(b, (x, y) => Math.Abs(x - y)).DefaultIfEmpty(0).Max();
}
