using MathNet.Numerics;

namespace Privatar.Accounting;

/// <summary>
/// Log-space arithmetic for the accountants: moment-generating sums overflow double long before the
/// quantities we need do, so every sum of exponentials is kept as its logarithm.
/// </summary>
public static class LogMath
{
    /// <summary>log(e^a + e^b) without overflow.</summary>
    public static double LogAdd(double a, double b)
    {
        if (double.IsNegativeInfinity(a)) return b;
        if (double.IsNegativeInfinity(b)) return a;
        double hi = Math.Max(a, b), lo = Math.Min(a, b);
        return hi + Log1p(Math.Exp(lo - hi));
    }

    /// <summary>log(e^a − e^b) for a ≥ b; −∞ when equal.</summary>
    public static double LogSub(double a, double b)
    {
        if (a < b) throw new ArithmeticException($"LogSub: log-difference would be negative (a = {a}, b = {b}).");
        if (double.IsNegativeInfinity(b)) return a;
        if (a == b) return double.NegativeInfinity;
        // log(e^a − e^b) = a + log(1 − e^{b−a}); for b − a near 0 use log(−expm1).
        double d = b - a;
        return d > -0.6931471805599453 ? a + Math.Log(-Expm1(d)) : a + Log1p(-Math.Exp(d));
    }

    /// <summary>log(1 + x), accurate for small |x| (Kahan's trick: the rounding of 1 + x cancels).</summary>
    public static double Log1p(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0) return x;
        if (double.IsPositiveInfinity(u)) return u;
        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>e^x − 1, accurate for small |x| (Kahan's trick).</summary>
    public static double Expm1(double x)
    {
        if (Math.Abs(x) > 0.5) return Math.Exp(x) - 1.0;
        double u = Math.Exp(x);
        if (u == 1.0) return x;
        double um1 = u - 1.0;
        return um1 * x / Math.Log(u);
    }

    /// <summary>
    /// log erfc(x) for every real x. Below 20 the library erfc is relatively accurate (erfc(20) ≈ 5e-176 is
    /// still a normal double); above, the asymptotic series erfc(x) ≈ e^{−x²}/(x√π)·Σ (−1)^k (2k−1)!!/(2x²)^k
    /// is used, whose truncation error at x = 20 is below 1e-14 relative.
    /// </summary>
    public static double LogErfc(double x)
    {
        if (double.IsNaN(x)) return double.NaN;
        if (x <= 20.0) return Math.Log(SpecialFunctions.Erfc(x));
        double inv2x2 = 1.0 / (2.0 * x * x);
        double term = 1.0, series = 1.0;
        for (int k = 1; k <= 6; k++)
        {
            term *= -(2 * k - 1) * inv2x2;
            series += term;
        }
        return -x * x - Math.Log(x) - 0.5 * Math.Log(Math.PI) + Math.Log(series);
    }
}
