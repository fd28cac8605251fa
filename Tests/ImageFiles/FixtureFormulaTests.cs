using NeuralPost.ImageFiles;
using NeuralPost.Tests.Imaging;

namespace NeuralPost.Tests.ImageFiles;

/// <summary>
/// Decodes files written by independent encoders (pypng and a raw Python writer) and checks every pixel against
/// the formulas that generated them.
/// </summary>
internal sealed class FixtureFormulaTests
{
    private static IEnumerable<string> FixtureNames() => PngFixtures.Names();

    [TestCaseSource(nameof(FixtureNames))]
    public void FixtureDecodesToTheFormula(string name)
    {
        PngFixtureSpec spec = PngFixtureSpec.Parse(name);
        var image = ImageFile.Load(PngFixtures.Fixture(name));

        Assert.That((image.Width, image.Height), Is.EqualTo((PngFixtureSpec.Width, PngFixtureSpec.Height)));
        Assert.That(image.Data, Is.EqualTo(spec.ExpectedRgb8()));
    }

    [Test]
    public void FixtureSetCoversTheFormat()
    {
        string[] required =
        [
            "gray1.png", "gray2.png", "gray4.png", "gray8.png", "gray16.png", "graya8.png", "graya16.png",
            "rgb8.png", "rgb16.png", "rgba8.png", "rgba16.png", "pal1.png", "pal2.png", "pal4.png", "pal8.png",
            "pal1_trns.png", "pal4_trns.png", "pal8_trns.png", "gray4_trns.png", "gray16_trns.png", "rgb8_trns.png",
            "rgb16_trns.png", "gray1_i.png", "rgba16_i.png", "pal8_trns_i.png", "rgb8_f0.png", "rgb8_f1.png",
            "rgb8_f2.png", "rgb8_f3.png", "rgb8_f4.png", "rgba16_f4.png", "gray2_f3.png", "rgb8_i_fc.png",
            "gray1_i_fc.png", "rgba8_fc_multi.png", "rgb16_i_fc_multi.png",
        ];

        Assert.That(PngFixtures.Names(), Is.SupersetOf(required));
    }

    [Test]
    public void DecodeFromMemoryMatchesLoad()
    {
        string path = PngFixtures.Fixture("rgb16_i_fc_multi.png");
        Assert.That(ImageFile.Decode(File.ReadAllBytes(path)).Data, Is.EqualTo(ImageFile.Load(path).Data));
    }
}
