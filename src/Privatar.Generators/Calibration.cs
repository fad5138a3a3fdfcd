using Privatar.Accounting;

namespace Privatar.Generators;

/// <summary>σ calibration for a run that composes several mechanisms, one of whose noise multipliers is free.</summary>
public static class Calibration
{
    /// <summary>
    /// The smallest σ (to relative 1e-6, on the safe side) for which the mechanisms <paramref name="run"/>(σ) composes to
    /// ε ≤ <paramref name="targetEpsilon"/> at δ. The fixed mechanisms alone must fit the target; otherwise this names the gap.
    /// </summary>
    public static double Sigma(double targetEpsilon, double delta, AccountantOptions accountant,
        Func<double, IReadOnlyList<MechanismRecord>> run)
    {
        double Eps(double sigma) => PrivacyRecord.ComposedEpsilon(accountant, run(sigma), delta);
        var floor = Eps(NoiseMultiplier.MaxSigma);
        if (!(floor < targetEpsilon))
            throw new ArgumentException($"target ε {targetEpsilon}: the run's fixed mechanisms alone spend ε = {floor:G6}; give them more noise");
        double lo = 1e-3, hi = 1;
        while (!(Eps(hi) <= targetEpsilon)) { lo = hi; hi *= 2; }
        if (Eps(lo) <= targetEpsilon) return lo;
        while (hi - lo > 1e-6 * hi)
        {
            var mid = 0.5 * (lo + hi);
            if (Eps(mid) <= targetEpsilon) hi = mid; else lo = mid;
        }
        return hi;
    }
}
