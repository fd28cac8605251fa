using NeuralPost.Samples.FoggyStreets.App;

namespace NeuralPost.Tests.Samples.App;

/// <summary>The CPU's fp32 FMA peak from cpuinfo text: which lines it reads, the formula, and when it gives up.</summary>
internal sealed class CpuFmaPeakTests
{
    // Two processors as a 2-vCPU cloud machine lists them; the second's clock differs so reading it would show.
    private const string TwoCores = """
        processor	: 0
        vendor_id	: AuthenticAMD
        model name	: AMD EPYC 7B13
        cpu MHz		: 2450.000
        flags		: fpu vme sse sse2 ssse3 fma sse4_1 sse4_2 avx f16c avx2 bmi2
        bogomips	: 4900.00

        processor	: 1
        vendor_id	: AuthenticAMD
        model name	: AMD EPYC 7B13
        cpu MHz		: 3100.000
        flags		: fpu vme sse sse2 ssse3 sse4_1 sse4_2 avx f16c bmi2
        bogomips	: 4900.00
        """;

    [Test]
    public void ThePeakIsCoresTimesTwoFmaUnitsTimesEightLanesTimesTwoTimesTheFirstClock()
    {
        var peak = CpuFmaPeak.TryParse(TwoCores, cores: 2);

        Assert.That(peak, Is.Not.Null);
        Assert.Multiple(() =>
        {
            Assert.That(peak!.ClockMegahertz, Is.EqualTo(2450.0), "the first cpu MHz entry");
            Assert.That(peak.HasAvx2 && peak.HasFma, Is.True, "the first flags line");
            Assert.That(peak.HasAvx512, Is.False);
            Assert.That(peak.GigaFlopsPerSecond, Is.EqualTo(2 * 2 * 8 * 2 * 2.45).Within(1e-9)); // 156.8
            Assert.That(peak.Describe(), Does.Contain("156.8 GFLOP/s").And.Contain("assumed"));
        });
    }

    [Test]
    public void AvxFiveTwelveIsNotedButThePeakStaysAtAvx2Width()
    {
        var text = TwoCores.Replace("avx2 bmi2", "avx2 bmi2 avx512f", StringComparison.Ordinal);
        var peak = CpuFmaPeak.TryParse(text, cores: 4)!;

        Assert.Multiple(() =>
        {
            Assert.That(peak.HasAvx512, Is.True);
            Assert.That(peak.GigaFlopsPerSecond, Is.EqualTo(4 * 2 * 8 * 2 * 2.45).Within(1e-9));
            Assert.That(peak.Describe(), Does.Contain("AVX-512"));
        });
    }

    [Test]
    public void WithoutFmaThePeakIsUnknown()
    {
        var text = TwoCores.Replace(" fma ", " ", StringComparison.Ordinal);
        var peak = CpuFmaPeak.TryParse(text, cores: 2)!;

        Assert.Multiple(() =>
        {
            Assert.That(peak.HasFma, Is.False);
            Assert.That(peak.GigaFlopsPerSecond, Is.NaN);
            Assert.That(peak.Describe(), Does.Contain("peak unknown"));
        });
    }

    [TestCase("")]
    [TestCase("processor\t: 0\nflags\t\t: fma avx2\n")]
    [TestCase("processor\t: 0\ncpu MHz\t\t: unknown\nflags\t\t: fma avx2\n")]
    [TestCase("processor\t: 0\ncpu MHz\t\t: 2300.000\n")]
    public void TextWithoutAClockOrFlagsGivesNoPeak(string text) =>
        Assert.That(CpuFmaPeak.TryParse(text, cores: 2), Is.Null);
}
