namespace Privatar.Evaluation.Latency;

/// <summary>Order statistics of a latency sample (pure functions over milliseconds).</summary>
public static class LatencyStatistics
{
    /// <summary>Percentile by linear interpolation between closest ranks (numpy's default): h = (n-1)·p.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) throw new ArgumentException("percentile of an empty sample");
        if (p < 0 || p > 1) throw new ArgumentException($"percentile: p must be in [0, 1], got {p}");
        var h = (sorted.Count - 1) * p;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    /// <summary>
    /// Distribution-free confidence interval of the median from order statistics: the number of observations below the
    /// median is Binomial(n, 1/2), approximated as normal, so ranks j = ⌊n/2 − z√n/2⌋ and k = ⌈1 + n/2 + z√n/2⌉
    /// (1-based, clamped to [1, n]) bound it. Deterministic, unlike a bootstrap, so reruns stop at the same point.
    /// </summary>
    public static (double Low, double High) MedianInterval(IReadOnlyList<double> sorted, double z)
    {
        var n = sorted.Count;
        if (n == 0) throw new ArgumentException("median interval of an empty sample");
        var spread = z * Math.Sqrt(n) / 2;
        var j = Math.Clamp((int)Math.Floor(n / 2.0 - spread), 1, n);
        var k = Math.Clamp((int)Math.Ceiling(1 + n / 2.0 + spread), 1, n);
        return (sorted[j - 1], sorted[k - 1]);
    }

    /// <summary>Half the CI width relative to the median; +∞ when the median is 0 and the interval is not a point.</summary>
    public static double RelativeHalfWidth(IReadOnlyList<double> sorted, double z)
    {
        var (low, high) = MedianInterval(sorted, z);
        var median = Percentile(sorted, 0.5);
        var half = (high - low) / 2;
        if (half == 0) return 0;
        return median > 0 ? half / median : double.PositiveInfinity;
    }
}
