namespace AllexPortal.Sandbox.Markets;

/// <summary>Stateless pseudo-random numbers from a key (SplitMix64), so any minute of any path can be
/// evaluated on its own without storing it.</summary>
internal static class DeterministicNoise
{
    public static ulong Hash(ulong a, ulong b, ulong c)
    {
        var z = a * 0x9E3779B97F4A7C15UL ^ (b + 0x632BE59BD9B4E019UL) * 0xBF58476D1CE4E5B9UL ^ (c + 0x94D049BB133111EBUL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A value in [0, 1).</summary>
    public static double Unit(ulong a, ulong b, ulong c) => (Hash(a, b, c) >> 11) * (1.0 / (1UL << 53));

    /// <summary>A value in [-1, 1).</summary>
    public static double Signed(ulong a, ulong b, ulong c) => Unit(a, b, c) * 2 - 1;
}
