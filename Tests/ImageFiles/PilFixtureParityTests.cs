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
                // Exact at every depth: for 16-bit files both keep the high byte (libpng's strip-16 in Skia).
                Assert.That(ImageFile.Load(PngFixtures.Fixture(names[i])).Data, Is.EqualTo(Convert.FromHexString(lines[i])), names[i]);
            }
        });
    }
}
