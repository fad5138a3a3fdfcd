using MathNet.Numerics.RootFinding;

namespace Privatar.Accounting;

/// <summary>
/// Calibrates the noise multiplier σ to a target ε. ε(σ) is continuous and decreasing in σ, so the answer
/// is the root of ε(σ) − target, returned on the safe side (ε(σ) ≤ target).
/// </summary>
public static class NoiseMultiplier
{
    /// <summary>Largest σ searched (as in Opacus).</summary>
    public const double MaxSigma = 1e6;

    /// <summary>Steps of training for <paramref name="epochs"/> epochs at rate q: int(epochs/q), as Opacus counts them.</summary>
    public static long StepsForEpochs(double epochs, double sampleRate)
    {
        if (!(epochs > 0) || double.IsInfinity(epochs)) throw new ArgumentOutOfRangeException(nameof(epochs), epochs, "epochs must be finite and > 0.");
        if (!(sampleRate > 0 && sampleRate <= 1)) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate q must be in (0, 1].");
        return Math.Max(1, (long)(epochs / sampleRate));
    }

    /// <summary>
    /// The smallest σ (to relative tolerance) whose ε after <paramref name="steps"/> steps at rate q is at most
    /// <paramref name="targetEpsilon"/> at δ: a bracket grown geometrically from a first guess, MathNet's Brent
    /// inside it, then a nudge upward until ε(σ) ≤ target holds exactly. PRV starts from the RDP answer (an
    /// upper bound up to the PRV ε error) so that few of its costly evaluations are spent bracketing.
    /// </summary>
    /// <param name="relativeTolerance">Relative accuracy of σ; null means 1e-6 for RDP and 1e-4 for PRV (whose ε carries a 0.01 error anyway).</param>
    public static double ForEpsilon(double targetEpsilon, double delta, double sampleRate, long steps,
        AccountantOptions? accountant = null, double? relativeTolerance = null)
    {
        Check(targetEpsilon, delta, sampleRate, steps);
        var options = accountant ?? new AccountantOptions();
        double tol = relativeTolerance ?? (options.Kind == AccountantKind.Prv ? 1e-4 : 1e-6);
        if (!(tol > 0 && tol < 0.1)) throw new ArgumentOutOfRangeException(nameof(relativeTolerance), relativeTolerance, "relative tolerance must be in (0, 0.1).");
        double Eps(double sigma) => TryEpsilon(options, sigma, sampleRate, steps, delta);

        double guess = options.Kind == AccountantKind.Prv
            ? ForEpsilon(targetEpsilon, delta, sampleRate, steps, options with { Kind = AccountantKind.Rdp, Conversion = RdpConversion.Improved })
            : 1.0;
        double factor = options.Kind == AccountantKind.Prv ? 1.25 : 2.0;
        // Bracket [lo, hi] with ε(lo) > target and ε(hi) ≤ target.
        double hi = guess, epsHi = Eps(hi);
        while (!(epsHi <= targetEpsilon))
        {
            hi *= factor;
            if (hi > MaxSigma) throw new ArgumentOutOfRangeException(nameof(targetEpsilon), targetEpsilon, $"target ε is unreachable with σ ≤ {MaxSigma:G} (privacy budget too small).");
            epsHi = Eps(hi);
        }
        double lo = hi / factor, epsLo = Eps(lo);
        while (epsLo <= targetEpsilon)
        {
            hi = lo; lo /= factor;
            if (lo < 1e-9) return hi;
            epsLo = Eps(lo);
        }
        // An accountant that cannot evaluate ε at lo (huge ε) reports ∞: bisect until both ends are finite.
        while (double.IsPositiveInfinity(epsLo))
        {
            double mid = 0.5 * (lo + hi), epsMid = Eps(mid);
            if (epsMid > targetEpsilon) { lo = mid; epsLo = epsMid; } else hi = mid;
            if (hi - lo <= tol * hi) return hi;
        }
        double root = Brent.FindRoot(s => Eps(s) - targetEpsilon, lo, hi, tol * hi * 0.1, 200);
        // Return the safe side of the root.
        double step = tol * root * 0.1;
        for (int k = 0; k < 100 && root < hi; k++, root += step)
            if (Eps(root) <= targetEpsilon) return root;
        return hi;
    }

    /// <summary>
    /// Opacus's <c>get_noise_multiplier</c> search, reproduced step for step: σ_hi doubles from 10 until
    /// ε(σ_hi) ≤ target, then bisection on [0, σ_hi] stops once target − ε(σ_hi) ≤ tolerance and σ_hi is
    /// returned. Use it to reproduce Opacus's σ values; prefer <see cref="ForEpsilon"/> otherwise.
    /// </summary>
    public static double ForEpsilonOpacus(double targetEpsilon, double delta, double sampleRate, long steps,
        AccountantOptions? accountant = null, double epsilonTolerance = 0.01)
    {
        Check(targetEpsilon, delta, sampleRate, steps);
        var options = accountant ?? new AccountantOptions();
        double sigmaLow = 0, sigmaHigh = 10, epsHigh = double.PositiveInfinity;
        while (epsHigh > targetEpsilon)
        {
            sigmaHigh *= 2;
            epsHigh = options.Epsilon(sigmaHigh, sampleRate, steps, delta);
            if (sigmaHigh > MaxSigma) throw new ArgumentOutOfRangeException(nameof(targetEpsilon), targetEpsilon, "the privacy budget is too low.");
        }
        while (targetEpsilon - epsHigh > epsilonTolerance)
        {
            double sigma = (sigmaLow + sigmaHigh) / 2;
            double eps = TryEpsilon(options, sigma, sampleRate, steps, delta);
            if (eps < targetEpsilon) { sigmaHigh = sigma; epsHigh = eps; }
            else sigmaLow = sigma;
        }
        return sigmaHigh;
    }

    static double TryEpsilon(AccountantOptions options, double sigma, double q, long steps, double delta)
    {
        if (options.Kind != AccountantKind.Prv) return options.Epsilon(sigma, q, steps, delta);
        // A search probes small σ whose ε is huge: a grid above the search cap means ε is far above any sensible target.
        var acc = new PrvAccountant(options.PrvEpsError, maxDomainSize: PrvDomain.SearchMaxSize, rdpFallback: false);
        acc.Step(sigma, q, steps);
        try { return acc.GetEpsilon(delta); }
        catch (PrvDomainTooLargeException) { return double.PositiveInfinity; }
    }

    static void Check(double targetEpsilon, double delta, double sampleRate, long steps)
    {
        if (!(targetEpsilon > 0) || double.IsInfinity(targetEpsilon)) throw new ArgumentOutOfRangeException(nameof(targetEpsilon), targetEpsilon, "target ε must be finite and > 0.");
        if (!(delta > 0 && delta < 1)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must be in (0, 1).");
        if (!(sampleRate > 0 && sampleRate <= 1)) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate q must be in (0, 1].");
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "steps must be ≥ 1.");
    }
}
