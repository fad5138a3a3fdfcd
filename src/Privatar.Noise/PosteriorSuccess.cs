using MathNet.Numerics.RootFinding;

namespace Privatar.Noise;

/// <summary>The largest posterior success rate an MI bound allows in a K-way identification attack.</summary>
/// <param name="MutualInformation">the bound, in nats</param>
/// <param name="Classes">K, the number of equally likely candidates</param>
/// <param name="Prior">1/K, the success rate of a blind guess</param>
/// <param name="SuccessRate">the posterior success rate (PSR) bound</param>
/// <param name="Vacuous">true when MI ≥ ln K: the bound allows certain identification (PSR = 1)</param>
public sealed record PsrBound(double MutualInformation, int Classes, double Prior, double SuccessRate, bool Vacuous);

/// <summary>
/// Fano-type bound: an attacker whose guess is right with probability x against a uniform prior 1/K must see
/// at least KL(x ‖ 1/K) = x·ln(Kx) + (1−x)·ln(K(1−x)/(K−1)) nats of mutual information (the binary divergence
/// between "guess right" under the posterior and under the prior). The PSR bound is the root above 1/K of
/// KL(x ‖ 1/K) = MI. This is the equation of the original's pac_psr_mi_calculation.py (sympy nsolve, K = 65);
/// we bracket the root and solve it with MathNet's Brent method.
/// </summary>
public static class PosteriorSuccess
{
    /// <summary>KL(x ‖ 1/K) in nats, with 0·ln 0 = 0 at x = 1.</summary>
    public static double Divergence(double x, int classes)
    {
        if (x is < 0 or > 1 || double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "a success rate lies in [0, 1]");
        double k = classes;
        var hit = x == 0 ? 0 : x * Math.Log(k * x);
        var miss = x == 1 ? 0 : (1 - x) * Math.Log(k * (1 - x) / (k - 1));
        return hit + miss;
    }

    /// <summary>ln K: the divergence at x = 1, the most information a K-way identity can carry.</summary>
    public static double MaximalInformation(int classes) => Math.Log(classes);

    public static PsrBound FromMutualInformation(double mutualInformationNats, int classes)
    {
        if (classes < 2) throw new ArgumentException($"classes: expected at least 2 candidates, got {classes}");
        if (!double.IsFinite(mutualInformationNats) || mutualInformationNats < 0)
            throw new ArgumentException($"mi: expected a finite mutual-information bound ≥ 0 (nats), got {mutualInformationNats}");
        var prior = 1.0 / classes;
        if (mutualInformationNats == 0) return new(0, classes, prior, prior, false);
        if (mutualInformationNats >= MaximalInformation(classes)) return new(mutualInformationNats, classes, prior, 1.0, true);

        // KL(x ‖ 1/K) rises monotonically from 0 at x = 1/K to ln K at x = 1, so [1/K, 1] brackets exactly one root.
        var psr = Brent.FindRoot(x => Divergence(x, classes) - mutualInformationNats, prior, 1.0, 1e-13, 200);
        return new(mutualInformationNats, classes, prior, psr, false);
    }
}
