using NeuralPost.Samples.FoggyStreets.App;

namespace NeuralPost.Tests.Samples.App;

internal sealed class TextGridTests
{
    [Test]
    public void NumbersAreRightAlignedAndLinesCutAtTheEdge()
    {
        var grid = new TextGrid(12, 2);
        grid.Write("ab").Write(3.14159, 2, 6);
        grid.NewLine();
        grid.Write("0123456789abcdef").Write(double.NaN, 1, 4);
        Assert.Multiple(() =>
        {
            Assert.That(grid.LineText(0), Is.EqualTo("ab  3.14"));
            Assert.That(grid.LineText(1), Is.EqualTo("0123456789ab"));
            Assert.That(grid.NewLine(), Is.False, "the grid is full");
            Assert.That(grid.UsedRows, Is.EqualTo(2));
        });
    }

    [Test]
    public void FontHasOneDistinctFiveBitGlyphPerPrintableCharacter()
    {
        var rows = BitmapFont.Rows;
        Assert.That(rows.Length, Is.EqualTo(95 * BitmapFont.GlyphHeight));
        var glyphs = new HashSet<string>();
        for (var g = 0; g < BitmapFont.GlyphCount; g++)
        {
            var glyph = rows.Slice(g * BitmapFont.GlyphHeight, BitmapFont.GlyphHeight).ToArray();
            Assert.That(glyph.All(r => r < 32), $"glyph '{(char)(g + 32)}' uses only 5 columns");
            Assert.That(glyphs.Add(Convert.ToHexString(glyph)), $"glyph '{(char)(g + 32)}' is unlike the others");
            Assert.That(glyph.Any(r => r != 0), Is.EqualTo(g != 0), $"glyph '{(char)(g + 32)}' is blank only for space");
        }

        Assert.That(BitmapFont.GlyphIndex('\u00e9'), Is.EqualTo('?' - ' '), "characters outside ASCII draw as '?'");
    }
}
