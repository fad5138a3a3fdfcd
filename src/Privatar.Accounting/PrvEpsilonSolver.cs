namespace Privatar.Accounting;

/// <summary>
/// Reads ε(δ) off a discrete PRV. For a loss distribution p on points t_k, δ(ε) = Σ_{t_k ≥ ε} p_k (1 − e^{ε − t_k})
/// = D1 − e^ε·D2 with tail sums D1 = Σ p_k and D2 = Σ p_k e^{−t_k}; inside a cell the tail sums are constant, so
/// ε solves in closed form once the first point with δ(t_k) ≤ δ is found.
/// </summary>
public static class PrvEpsilonSolver
{
    /// <summary>ε bounds at <paramref name="delta"/>: the estimate at δ, the upper bound at δ − δ_err plus ε_err, the lower at δ + δ_err minus ε_err.</summary>
    public static PrvEpsilon Solve(DiscretePrv prv, double delta, double deltaError, double epsError)
    {
        int n = prv.Pmf.Length;
        if (2.220446049250313e-16 * n > delta - deltaError)
            throw new ArgumentOutOfRangeException(nameof(delta), delta,
                $"δ − δ_error = {delta - deltaError:G3} is below the floating-point noise of a {n}-point grid; use a larger δ.");
        var d1 = new double[n];
        var d2 = new double[n];
        double s1 = 0, c1 = 0, s2 = 0, c2 = 0;
        for (int k = n - 1; k >= 0; k--)
        {
            NeumaierAdd(ref s1, ref c1, prv.Pmf[k]);
            NeumaierAdd(ref s2, ref c2, prv.Pmf[k] * Math.Exp(-prv.Loss(k)));
            d1[k] = s1 + c1;
            d2[k] = s2 + c2;
        }
        double Epsilon(double target)
        {
            // First k whose δ(t_k) = D1_k − e^{t_k} D2_k is at most the target.
            for (int k = 0; k < n; k++)
            {
                if (Math.Exp(prv.Loss(k)) * d2[k] - d1[k] >= -target)
                {
                    if (k == 0) throw new InvalidOperationException($"PRV accountant: δ = {target:G3} is reached at the lower end of the domain; ε cannot be bounded there.");
                    return Math.Log((d1[k] - target) / d2[k]);
                }
            }
            throw new InvalidOperationException($"PRV accountant: δ = {target:G3} is not reached inside the domain (tail mass above it).");
        }
        return new PrvEpsilon(
            Lower: Epsilon(delta + deltaError) - epsError,
            Estimate: Epsilon(delta),
            Upper: Epsilon(delta - deltaError) + epsError);
    }

    static void NeumaierAdd(ref double sum, ref double compensation, double value)
    {
        double t = sum + value;
        compensation += Math.Abs(sum) >= Math.Abs(value) ? (sum - t) + value : (value - t) + sum;
        sum = t;
    }
}
