using System.Text.RegularExpressions;

namespace NeuralPost.Tests.Imaging;

/// <summary>
/// What a fixture file name says about its contents, and the pixels it must decode to, recomputed from the
/// same formulas as Fixtures/make_png_fixtures.py (sample, palette_index, palette_entry, palette_alpha).
/// </summary>
internal sealed partial record PngFixtureSpec(string Kind, int Bits, bool Transparency, bool Interlaced)
{
    public const int Width = 13, Height = 11;

    public static PngFixtureSpec Parse(string fileName)
    {
        Match m = NamePattern().Match(fileName);
        if (!m.Success)
        {
            throw new ArgumentException($"fixture name {fileName} does not follow the naming scheme", nameof(fileName));
        }

        return new PngFixtureSpec(m.Groups[1].Value, int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture),
            m.Groups[3].Success, m.Groups[4].Success);
    }

    public static int Sample(int x, int y, int c, int bits) =>
        ((x * 1031) + (y * 4099) + (c * 12289) + (x * y * 257) + 77) & ((1 << bits) - 1);

    public static int PaletteSize(int bits) => bits switch { 1 => 2, 2 => 4, 4 => 11, _ => 200 };

    /// <summary>
    /// The 8-bit RGB the fixture must decode to: grey replicated, alpha dropped, sub-byte grey scaled to 0..255
    /// and 16-bit samples cut to their high byte (what libpng in Skia and PIL both do; the managed decoder this
    /// replaced rounded instead, so a 16-bit sample may now read one lower).
    /// </summary>
    public byte[] ExpectedRgb8()
    {
        var result = new byte[Width * Height * 3];
        int o = 0;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int[] colour = ExpectedColour(x, y);
                for (int c = 0; c < 3; c++)
                {
                    int v = colour[colour.Length == 1 ? 0 : c];
                    result[o++] = (byte)(Bits == 16 ? v >> 8 : v);
                }
            }
        }

        return result;
    }

    private int[] ExpectedColour(int x, int y)
    {
        if (Kind == "pal")
        {
            int i = ((x * 1031) + (y * 4099) + (x * y * 257) + 77) % PaletteSize(Bits);
            return [((i * 37) + 11) % 256, ((i * 91) + 5) % 256, ((i * 53) + 200) % 256];
        }

        int channels = Kind is "gray" or "graya" ? 1 : 3;
        int[] raw = [.. Enumerable.Range(0, channels).Select(c => Sample(x, y, c, Bits))];
        return Bits < 8 ? [raw[0] * 255 / ((1 << Bits) - 1)] : raw;
    }

    [GeneratedRegex(@"^(gray|graya|rgb|rgba|pal)(\d+)(_trns)?(_i)?(_f[0-4c])?(_multi)?\.png$")]
    private static partial Regex NamePattern();
}
