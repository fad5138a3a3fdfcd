namespace Privatar.Accounting;

/// <summary>
/// The grid t_k = TMin + k·Dt (k = 0 … Size−1) on which PRVs are discretised. TMin is a multiple of Dt, so that
/// index arithmetic of a sum of grid variables stays on the grid; Size is a power of two for the FFT.
/// </summary>
public sealed record PrvDomain(double TMin, double Dt, int Size)
{
    /// <summary>
    /// Largest grid allowed by default: 2^26 points (512 MB per array, about 3 GB peak while composing), enough for every
    /// value of Opacus's PRV test table (ε up to 291 at 50k steps).
    /// </summary>
    public const int DefaultMaxSize = 1 << 26;

    /// <summary>The cap a σ search uses: a grid this large means ε is far above any sensible target.</summary>
    public const int SearchMaxSize = 1 << 22;

    public double TMax => TMin + (Size - 1) * Dt;

    /// <summary>Index offset m with TMin = −m·Dt.</summary>
    public long ZeroIndex => (long)Math.Round(-TMin / Dt);

    public double this[int k] => TMin + k * Dt;

    /// <summary>
    /// A grid covering [−L, L] with mesh <paramref name="dt"/>, both ends aligned to multiples of dt, widened
    /// (on both sides) to the next power of two. Widening only moves the truncation further into the tails.
    /// </summary>
    public static PrvDomain CreateAligned(double halfWidth, double dt, int maxSize = DefaultMaxSize)
    {
        if (!(halfWidth > 0) || double.IsInfinity(halfWidth))
            throw new ArgumentOutOfRangeException(nameof(halfWidth), halfWidth, "PRV domain half-width L must be finite and > 0.");
        if (!(dt > 0)) throw new ArgumentOutOfRangeException(nameof(dt), dt, "PRV mesh size must be > 0.");
        double lo = Math.Floor(-halfWidth / dt), hi = Math.Ceiling(halfWidth / dt);
        double needed = hi - lo + 1;
        if (needed > maxSize)
            throw new PrvDomainTooLargeException(
                $"PRV accountant: the domain [−{halfWidth:G4}, {halfWidth:G4}] at mesh {dt:G3} needs {needed:G3} points, above the cap of {maxSize}. " +
                "ε is very large or the step count very high here; use the RDP accountant (--accountant rdp) or a larger eps error.");
        int size = 2;
        while (size < needed) size <<= 1;
        // Spread the extra points evenly: the lower end stays a multiple of dt.
        long extra = size - (long)needed;
        long lowIndex = (long)lo - extra / 2;
        return new PrvDomain(lowIndex * dt, dt, size);
    }
}

/// <summary>The PRV grid a case needs exceeds the cap; <see cref="PrvAccountant"/> falls back to RDP on it.</summary>
public sealed class PrvDomainTooLargeException(string message) : InvalidOperationException(message);
