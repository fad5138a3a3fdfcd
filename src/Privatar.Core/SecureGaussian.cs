using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Privatar.Core;

/// <summary>
/// Release-mode Gaussian noise: every uniform comes from the OS CSPRNG (<see cref="RandomNumberGenerator"/>), never
/// from a seeded generator, and each value is the sum of four N(0, s²) draws divided by 2, which is N(0, s²).
/// <para>
/// Why not a torch or MathNet generator seeded from the CSPRNG: libtorch's CPU generator initialises its
/// Mersenne Twister from the low 32 bits of the seed, so a released value could be un-noised by trying 2³² seeds.
/// </para>
/// <para>
/// The sum of four is Opacus's secure mode (opacus/optimizers/optimizer.py <c>_generate_noise</c>, n = 2 of
/// Holohan and Braghin 2021, §5.1): a single floating-point Gaussian draw leaks through its least significant bits
/// which uniforms produced it (Mironov 2012 on the Laplace mechanism; Jin et al. 2021, arXiv 2112.05307, on Gaussian
/// samplers), and
/// recovering four draws from their rounded sum raises that search to about 2^(53·3). Opacus pairs it with
/// torchcsprng's /dev/urandom generator; here the CSPRNG is the OS's, and each normal comes from the Marsaglia polar
/// method on 53-bit uniforms. Opacus also draws and discards one value per call, which matters for a generator
/// whose state carries over; consecutive CSPRNG outputs are independent, so nothing is discarded here.
/// </para>
/// </summary>
public static class SecureGaussian
{
    /// <summary>Draws summed per value (Opacus secure mode: 2n with n = 2); the sum is divided by √4 = 2.</summary>
    public const int Draws = 4;

    /// <summary>Fills <paramref name="destination"/> with N(0, <paramref name="std"/>²) values.</summary>
    public static void Fill(Span<double> destination, double std)
    {
        if (!(std >= 0) || !double.IsFinite(std)) throw new ArgumentException($"noise std: expected a finite value >= 0, got {std}");
        destination.Clear();
        if (std == 0) return;
        var draw = new double[destination.Length];
        for (var k = 0; k < Draws; k++)
        {
            StandardNormals(draw);
            for (var i = 0; i < destination.Length; i++) destination[i] += draw[i];
        }
        var scale = std / Math.Sqrt(Draws);
        for (var i = 0; i < destination.Length; i++) destination[i] *= scale;
    }

    public static double[] Sample(int count, double std)
    {
        var values = new double[count];
        Fill(values, std);
        return values;
    }

    /// <summary>Uniforms in [0, 1) with 53 random bits each, from the OS CSPRNG.</summary>
    public static void Uniforms(Span<double> destination)
    {
        var bits = new ulong[destination.Length];
        RandomNumberGenerator.Fill(MemoryMarshal.AsBytes(bits.AsSpan()));
        for (var i = 0; i < destination.Length; i++) destination[i] = (bits[i] >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>N(0, 1) values by the polar method: pairs of CSPRNG uniforms in the unit disc, rejected outside it.</summary>
    static void StandardNormals(Span<double> destination)
    {
        var filled = 0;
        var u = new double[2 * Math.Max(64, destination.Length / 2 * 4 / 3 + 8)];   // π/4 of the pairs are kept
        while (filled < destination.Length)
        {
            Uniforms(u);
            for (var i = 0; i + 1 < u.Length && filled < destination.Length; i += 2)
            {
                var x = 2 * u[i] - 1;
                var y = 2 * u[i + 1] - 1;
                var s = x * x + y * y;
                if (s >= 1 || s == 0) continue;
                var f = Math.Sqrt(-2 * Math.Log(s) / s);
                destination[filled++] = x * f;
                if (filled < destination.Length) destination[filled++] = y * f;
            }
        }
    }
}
