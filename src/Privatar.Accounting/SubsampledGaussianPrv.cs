using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace Privatar.Accounting;

/// <summary>
/// Privacy-loss random variable of one Poisson-subsampled Gaussian step (Gopi, Lee, Wutschitz 2021, App. B):
/// the pair P = (1 − q)·N(0, σ²) + q·N(1, σ²) against Q = N(0, σ²), with loss t(x) = log((1 − q) + q·e^{(2x−1)/(2σ²)})
/// for x ~ P. Its support is t &gt; log(1 − q). CDF and survival function are both written as sums of erfc
/// terms so that neither tail is computed as 1 minus something.
/// </summary>
public sealed class SubsampledGaussianPrv
{
    public double SampleRate { get; }
    public double NoiseMultiplier { get; }

    readonly double _log1mQ, _logQ, _sqrt2Sigma;

    public SubsampledGaussianPrv(double sampleRate, double noiseMultiplier)
    {
        if (!(sampleRate > 0 && sampleRate <= 1))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate q must be in (0, 1] for the PRV accountant.");
        if (!(noiseMultiplier > 0) || double.IsPositiveInfinity(noiseMultiplier))
            throw new ArgumentOutOfRangeException(nameof(noiseMultiplier), noiseMultiplier, "noise multiplier σ must be finite and > 0 for the PRV accountant.");
        SampleRate = sampleRate;
        NoiseMultiplier = noiseMultiplier;
        _log1mQ = sampleRate == 1 ? double.NegativeInfinity : LogMath.Log1p(-sampleRate);
        _logQ = Math.Log(sampleRate);
        _sqrt2Sigma = Math.Sqrt(2) * noiseMultiplier;
    }

    /// <summary>The Gaussian-space point x whose loss is t (−∞ below the support).</summary>
    public double InverseLoss(double t)
    {
        if (t <= _log1mQ) return double.NegativeInfinity;
        // z = log((e^t − 1 + q)/q), with e^t − 1 taken by expm1 so that t ≈ 0 keeps its digits.
        double z = Math.Log(LogMath.Expm1(t) + SampleRate) - _logQ;
        return NoiseMultiplier * NoiseMultiplier * z + 0.5;
    }

    /// <summary>The loss t(x) = log((1 − q) + q·e^{(2x−1)/(2σ²)}), in log space.</summary>
    public double Loss(double x) =>
        LogMath.LogAdd(_log1mQ, _logQ + (2 * x - 1) / (2 * NoiseMultiplier * NoiseMultiplier));

    /// <summary>P(T ≤ t) = (1 − q)·Φ(x/σ) + q·Φ((x − 1)/σ).</summary>
    public double Cdf(double t)
    {
        double x = InverseLoss(t);
        if (double.IsNegativeInfinity(x)) return 0;
        return 0.5 * ((1 - SampleRate) * SpecialFunctions.Erfc(-x / _sqrt2Sigma) + SampleRate * SpecialFunctions.Erfc(-(x - 1) / _sqrt2Sigma));
    }

    /// <summary>P(T &gt; t), accurate in the upper tail.</summary>
    public double Survival(double t)
    {
        double x = InverseLoss(t);
        if (double.IsNegativeInfinity(x)) return 1;
        return 0.5 * ((1 - SampleRate) * SpecialFunctions.Erfc(x / _sqrt2Sigma) + SampleRate * SpecialFunctions.Erfc((x - 1) / _sqrt2Sigma));
    }

    /// <summary>Probability of (a, b], taken from whichever tail keeps the digits.</summary>
    public double Mass(double a, double b) => b <= 0 ? Cdf(b) - Cdf(a) : Survival(a) - Survival(b);

    /// <summary>
    /// E[T | tMin ≤ T ≤ tMax], integrated in Gaussian space: for each mixture component, Gauss–Legendre
    /// panels over ±40σ around its mean, clipped to the x-interval that maps into [tMin, tMax]. Panels are
    /// no wider than σ/2 nor (for small σ) than σ², the width of the loss's soft bend.
    /// </summary>
    public double TruncatedMean(double tMin, double tMax)
    {
        double xLo = InverseLoss(tMin), xHi = InverseLoss(tMax);
        double sigma = NoiseMultiplier, sum = 0;
        foreach (var (weight, mu) in new[] { (1 - SampleRate, 0.0), (SampleRate, 1.0) })
        {
            if (weight == 0) continue;
            double a = Math.Max(xLo, mu - 40 * sigma), b = Math.Min(xHi, mu + 40 * sigma);
            if (!(b > a)) continue;
            double width = Math.Min(sigma / 2, Math.Max(sigma * sigma, 1e-4));
            int panels = (int)Math.Clamp(Math.Ceiling((b - a) / width), 1, 100_000);
            double h = (b - a) / panels, norm = weight / (sigma * Math.Sqrt(2 * Math.PI));
            for (int p = 0; p < panels; p++)
            {
                double lo = a + p * h;
                sum += GaussLegendreRule.Integrate(x =>
                {
                    double d = (x - mu) / sigma;
                    return Loss(x) * norm * Math.Exp(-0.5 * d * d);
                }, lo, lo + h, 32);
            }
        }
        double mass = Cdf(tMax) - Cdf(tMin);
        return sum / mass;
    }
}
