using System.Text.RegularExpressions;
using NeuralPost.Imaging;

namespace NeuralPost.Tests.Imaging;

/// <summary>
/// What a fixture file name says about its contents, and the pixels it must decode to, recomputed from the
/// same formulas as Fixtures/make_png_fixtures.py (sample, palette_index, palette_entry, palette_alpha).
/// </summary>
internal sealed partial record PngFixtureSpec(string Kind, int Bits, bool Transparency, bool Interlaced)
{
    public const int Width = 13, Height = 11;

    public PngColorKind ExpectedKind => (Kind, Transparency) switch
    {
        ("gray", false) => PngColorKind.Gray,
        ("gray", true) or ("graya", _) => PngColorKind.GrayAlpha,
        ("rgba", _) or ("rgb", true) or ("pal", true) => PngColorKind.Rgba,
        _ => PngColorKind.Rgb,
    };

    public int ExpectedDepth => Bits == 16 ? 16 : 8;

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

    public byte[] ExpectedSamples()
    {
        int outChannels = (int)ExpectedKind, sampleBytes = ExpectedDepth / 8;
        var result = new byte[Width * Height * outChannels * sampleBytes];
        int o = 0;
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                foreach (int v in ExpectedPixel(x, y))
                {
                    if (sampleBytes == 2)
                    {
                        result[o++] = (byte)(v >> 8);
                    }

                    result[o++] = (byte)v;
                }
            }
        }

        return result;
    }

    private int[] ExpectedPixel(int x, int y)
    {
        if (Kind == "pal")
        {
            int size = PaletteSize(Bits);
            int i = ((x * 1031) + (y * 4099) + (x * y * 257) + 77) % size;
            int[] rgb = [((i * 37) + 11) % 256, ((i * 91) + 5) % 256, ((i * 53) + 200) % 256];
            return Transparency ? [.. rgb, i < (size / 2) + 1 ? ((i * 67) + 3) % 256 : 255] : rgb;
        }

        int channels = Kind switch { "gray" => 1, "graya" => 2, "rgb" => 3, _ => 4 };
        int[] raw = new int[channels], key = new int[channels];
        bool isKey = true;
        for (int c = 0; c < channels; c++)
        {
            raw[c] = Sample(x, y, c, Bits);
            key[c] = Sample(2, 3, c, Bits);
            isKey &= raw[c] == key[c];
        }

        int[] scaled = Bits < 8 ? [raw[0] * 255 / ((1 << Bits) - 1)] : raw;
        return Transparency ? [.. scaled, isKey ? 0 : (1 << ExpectedDepth) - 1] : scaled;
    }

    [GeneratedRegex(@"^(gray|graya|rgb|rgba|pal)(\d+)(_trns)?(_i)?(_f[0-4c])?(_multi)?\.png$")]
    private static partial Regex NamePattern();
}
