using MathNet.Numerics;

namespace Privatar.Accounting;

/// <summary>
/// Rényi-DP of one step of the Poisson-subsampled Gaussian mechanism (sensitivity 1, noise σ, rate q),
/// after Mironov, Talwar and Zhang (2019, arXiv 1908.10530 §3.3): ε(α) = log A_α / (α − 1).
/// Integer orders use the binomial expansion of A_α; fractional orders use the two-sided series
/// split at z0 with erfc weights. Every sum is evaluated in log space.
/// </summary>
public static class SubsampledGaussianRdp
{
    /// <summary>The RDP ε(α) of a single step.</summary>
    public static double Compute(double sampleRate, double noiseMultiplier, double order)
    {
        Validate(sampleRate, noiseMultiplier, order);
        if (sampleRate == 0) return 0;
        if (noiseMultiplier == 0 || double.IsPositiveInfinity(order)) return double.PositiveInfinity;
        if (sampleRate == 1) return order / (2 * noiseMultiplier * noiseMultiplier);
        double logA = order == Math.Floor(order)
            ? LogAInteger(sampleRate, noiseMultiplier, (int)order)
            : LogAFractional(sampleRate, noiseMultiplier, order);
        return logA / (order - 1);
    }

    /// <summary>The RDP ε(α) of <paramref name="steps"/> identical steps (composition adds RDP).</summary>
    public static double Compute(double sampleRate, double noiseMultiplier, long steps, double order)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        double perStep = Compute(sampleRate, noiseMultiplier, order);
        return steps == 0 ? 0 : perStep * steps;
    }

    /// <summary>log A_α = log Σ_{i=0..α} C(α,i) q^i (1−q)^{α−i} exp((i² − i)/(2σ²)).</summary>
    static double LogAInteger(double q, double sigma, int alpha)
    {
        double logA = double.NegativeInfinity;
        double logQ = Math.Log(q), log1mQ = LogMath.Log1p(-q), twoSigma2 = 2 * sigma * sigma;
        for (int i = 0; i <= alpha; i++)
        {
            double term = SpecialFunctions.BinomialLn(alpha, i) + i * logQ + (alpha - i) * log1mQ
                          + ((double)i * i - i) / twoSigma2;
            logA = LogMath.LogAdd(logA, term);
        }
        return logA;
    }

    /// <summary>
    /// Fractional α: A_α = Σ_i C(α,i)[q^i(1−q)^{α−i} e^{(i²−i)/2σ²} ½erfc((i−z0)/√2σ)
    ///                               + q^{α−i}(1−q)^i e^{((α−i)²−(α−i))/2σ²} ½erfc((z0−(α−i))/√2σ)],
    /// with generalised (possibly negative) binomials, summed past i = α until both terms fall below e^−30.
    /// </summary>
    static double LogAFractional(double q, double sigma, double alpha)
    {
        double logA0 = double.NegativeInfinity, logA1 = double.NegativeInfinity;
        double logQ = Math.Log(q), log1mQ = LogMath.Log1p(-q), twoSigma2 = 2 * sigma * sigma;
        double z0 = sigma * sigma * Math.Log(1 / q - 1) + 0.5;
        double sqrt2Sigma = Math.Sqrt(2) * sigma, logHalf = Math.Log(0.5);
        double logAbsCoef = 0; // log|C(α, 0)|
        int sign = 1;
        for (int i = 0; ; i++)
        {
            if (i > 0)
            {
                // C(α, i) = C(α, i−1)·(α − i + 1)/i: track sign and log-magnitude separately.
                double factor = (alpha - i + 1) / i;
                if (factor < 0) sign = -sign;
                logAbsCoef += Math.Log(Math.Abs(factor));
            }
            double j = alpha - i;
            double logT0 = logAbsCoef + i * logQ + j * log1mQ;
            double logT1 = logAbsCoef + j * logQ + i * log1mQ;
            double logE0 = logHalf + LogMath.LogErfc((i - z0) / sqrt2Sigma);
            double logE1 = logHalf + LogMath.LogErfc((z0 - j) / sqrt2Sigma);
            double logS0 = logT0 + ((double)i * i - i) / twoSigma2 + logE0;
            double logS1 = logT1 + (j * j - j) / twoSigma2 + logE1;
            if (sign > 0)
            {
                logA0 = LogMath.LogAdd(logA0, logS0);
                logA1 = LogMath.LogAdd(logA1, logS1);
            }
            else
            {
                logA0 = LogMath.LogSub(logA0, logS0);
                logA1 = LogMath.LogSub(logA1, logS1);
            }
            // Stop once terms are negligible (A_α ≥ 1, so e^−30 is relative too) — but never before i passes α:
            // for large α the first terms can be tiny while the bulk lies ahead (stopping there, as a bare
            // "< −30" test does, returns log A ≪ 0, i.e. a negative RDP).
            if (i > alpha && Math.Max(logS0, logS1) < -30) break;
            if (i > 1_000_000)
                throw new ArithmeticException($"Fractional-order RDP series did not converge (q = {q}, σ = {sigma}, α = {alpha}).");
        }
        return LogMath.LogAdd(logA0, logA1);
    }

    internal static void Validate(double sampleRate, double noiseMultiplier, double order)
    {
        if (!(sampleRate >= 0 && sampleRate <= 1))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate q must be in [0, 1].");
        if (!(noiseMultiplier >= 0) || double.IsPositiveInfinity(noiseMultiplier))
            throw new ArgumentOutOfRangeException(nameof(noiseMultiplier), noiseMultiplier, "noise multiplier σ must be finite and ≥ 0.");
        if (!(order > 1))
            throw new ArgumentOutOfRangeException(nameof(order), order, "RDP order α must be > 1.");
    }
}
