namespace Privatar.Data.Generator;

/// <summary>Stateless integer hashing (SplitMix64 finalizer): reproducible noise and seeds, independent of thread order.</summary>
internal static class Hash
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Of(long a, long b = 0, long c = 0, long d = 0) =>
        Mix(Mix(Mix(Mix((ulong)a) ^ (ulong)b) ^ (ulong)c) ^ (ulong)d);

    /// <summary>Uniform in [0, 1).</summary>
    public static double Unit(long a, long b = 0, long c = 0, long d = 0) => (Of(a, b, c, d) >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [-1, 1).</summary>
    public static double Signed(long a, long b = 0, long c = 0, long d = 0) => 2 * Unit(a, b, c, d) - 1;

    /// <summary>Approximately standard normal (sum of four uniforms, rescaled).</summary>
    public static double Gauss(long a, long b = 0, long c = 0) =>
        (Unit(a, b, c, 1) + Unit(a, b, c, 2) + Unit(a, b, c, 3) + Unit(a, b, c, 4) - 2) * Math.Sqrt(3);
}
