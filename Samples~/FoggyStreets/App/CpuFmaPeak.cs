using System.Globalization;

namespace NeuralPost.Samples.FoggyStreets.App;

/// <summary>
/// This CPU's fp32 fused-multiply-add peak, the ceiling a software renderer (llvmpipe) or ONNX Runtime's CPU kernels
/// can reach: cores x FMA units per core x 8 fp32 lanes (AVX2) x 2 FLOP per FMA x clock. The clock is
/// <c>/proc/cpuinfo</c>'s first <c>cpu MHz</c> (the nominal clock on the virtual machines this runs on; turbo would
/// raise the real ceiling); 2 FMA units per core is assumed, as on the AVX2 server cores (Haswell and later, Zen 2
/// and later), because cpuinfo does not say how many a core has.
/// </summary>
/// <param name="Cores">Logical cores the process may use.</param>
/// <param name="ClockMegahertz">The first <c>cpu MHz</c> entry.</param>
/// <param name="HasAvx2">Whether the flags list <c>avx2</c>.</param>
/// <param name="HasFma">Whether the flags list <c>fma</c>.</param>
/// <param name="HasAvx512">Whether the flags list <c>avx512f</c>: the peak is still taken at AVX2's width, what llvmpipe's shaders use.</param>
public sealed record CpuFmaPeak(int Cores, double ClockMegahertz, bool HasAvx2, bool HasFma, bool HasAvx512)
{
    /// <summary>FMA units per core assumed: what cpuinfo cannot tell.</summary>
    public const int AssumedFmaUnitsPerCore = 2;

    /// <summary>fp32 lanes of one 256-bit AVX2 register.</summary>
    public const int Avx2Lanes = 8;

    /// <summary>Where Linux describes the CPU.</summary>
    public const string CpuInfoPath = "/proc/cpuinfo";

    /// <summary>
    /// The peak in GFLOP/s; NaN without AVX2 and FMA, where this formula does not describe the CPU.
    /// </summary>
    public double GigaFlopsPerSecond => HasAvx2 && HasFma
        ? Cores * AssumedFmaUnitsPerCore * Avx2Lanes * 2.0 * ClockMegahertz / 1000.0
        : double.NaN;

    /// <summary>The assumption and the inputs in words, for the benchmark's output.</summary>
    public string Describe()
    {
        var c = CultureInfo.InvariantCulture;
        if (double.IsNaN(GigaFlopsPerSecond))
        {
            return string.Create(c, $"{Cores} cores at {ClockMegahertz:F0} MHz without AVX2+FMA: peak unknown");
        }

        var peak = string.Create(
            c,
            $"{GigaFlopsPerSecond:F1} GFLOP/s = {Cores} cores x {AssumedFmaUnitsPerCore} FMA units (assumed, as on AVX2 server cores) x {Avx2Lanes} fp32 lanes (AVX2) x 2 FLOP x {ClockMegahertz:F0} MHz (cpuinfo's first 'cpu MHz')");
        return HasAvx512 ? peak + "; the CPU also has AVX-512, whose 16 lanes would double it" : peak;
    }

    /// <summary>
    /// Reads <see cref="CpuInfoPath"/>; null where it cannot be read or has no clock, so the caller prints the peak as unknown.
    /// </summary>
    public static CpuFmaPeak? TryReadThisMachine()
    {
        string text;
        try
        {
            text = File.ReadAllText(CpuInfoPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }

        return TryParse(text, Environment.ProcessorCount);
    }

    /// <summary>
    /// Parses cpuinfo text: the first <c>cpu MHz</c> and the first <c>flags</c> line; null when either is missing
    /// or the clock is not a positive number.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cores"/> is not positive.</exception>
    public static CpuFmaPeak? TryParse(string cpuInfo, int cores)
    {
        ArgumentNullException.ThrowIfNull(cpuInfo);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cores);
        double? clock = null;
        string[]? flags = null;
        foreach (var line in cpuInfo.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                continue;
            }

            var key = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (clock is null && key == "cpu MHz"
                && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var megahertz) && megahertz > 0)
            {
                clock = megahertz;
            }
            else if (flags is null && key == "flags")
            {
                flags = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
        }

        return clock is { } mhz && flags is not null
            ? new CpuFmaPeak(cores, mhz, flags.Contains("avx2"), flags.Contains("fma"), flags.Contains("avx512f"))
            : null;
    }
}
