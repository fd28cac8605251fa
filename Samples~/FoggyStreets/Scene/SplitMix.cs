namespace NeuralPost.Samples.FoggyStreets.Scene;

/// <summary>
/// SplitMix64: a tiny seeded generator whose sequence is fixed by its definition, so a seed gives the same city on
/// every runtime (System.Random's seeded sequence is an implementation detail).
/// </summary>
internal struct SplitMix
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private ulong _state;

    /// <remarks>
    /// The seed is mixed before it starts the sequence. Started at <c>seed * Gamma</c>, as before 2026-12, seed s + k
    /// walked seed s's sequence k draws later, so neighbouring seeds built largely the same city: held-out cities
    /// (the game set's 5, dehaze's 2) shared whole frames with training ones.
    /// </remarks>
    public SplitMix(int seed) => _state = Mix(unchecked((ulong)seed * Gamma + 0x632BE59BD9B4E019UL));

    public ulong NextUInt64() => Mix(unchecked(_state += Gamma));

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>Uniform in [0, 1).</summary>
    public float NextFloat() => (NextUInt64() >> 40) * (1f / (1UL << 24));

    /// <summary>Uniform in [min, max).</summary>
    public float Range(float min, float max) => min + (max - min) * NextFloat();

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool Chance(float p) => NextFloat() < p;
}
