namespace Privatar.Accounting;

/// <summary>
/// Data-independent RDP of the teacher-vote aggregators (PATE family), all Gaussian mechanisms on vote counts under the
/// neighbouring relation "one record changes, so one teacher's partition and hence its vote changes":
/// <list type="bullet">
/// <item>Threshold check of Confident-GNMax: max_j n_j + N(0, σ1²) ≥ T. The maximum count moves by at most 1, so this
/// is the Gaussian mechanism with sensitivity 1: α / (2σ1²).</item>
/// <item>Gaussian noisy argmax (GNMax): argmax_j (n_j + N(0, σ2²)) is post-processing of the noisy histogram, whose L2
/// sensitivity is √2 (one teacher's vote leaves one bin and joins another): α · 2 / (2σ2²) = α / σ2².</item>
/// <item>Sum of k-sparse sign votes (DataLens): each teacher sends s ∈ {−1, 0, 1}^d with at most k non-zeros; changing
/// one teacher changes the sum by s' − s, whose squared norm is at most 4k (same support, every sign flipped; disjoint
/// supports give only 2k), so the L2 sensitivity is 2√k: α · 4k / (2σ²) = 2αk / σ².</item>
/// </list>
/// A Confident-GNMax query pays both terms whether or not it is answered: whether it is answered depends on the data,
/// and a bound fixed before the run (so σ can be calibrated to it) cannot condition on that outcome.
/// </summary>
public static class VoteAggregationRdp
{
    /// <summary>L2 sensitivity of a vote histogram when one teacher's vote changes.</summary>
    public static readonly double HistogramSensitivity = Math.Sqrt(2);

    /// <summary>L2 sensitivity of the maximum count (the threshold check's statistic).</summary>
    public const double MaxCountSensitivity = 1;

    /// <summary>L2 sensitivity of the coordinate-wise sum of k-sparse sign vectors when one teacher's vector changes.</summary>
    public static double SignSumSensitivity(int k) => k >= 1 ? 2 * Math.Sqrt(k) : throw new ArgumentOutOfRangeException(nameof(k), k, "k must be >= 1.");

    public static double ThresholdCheck(double order, double sigma1) => Gaussian(order, sigma1 / MaxCountSensitivity);

    public static double NoisyArgmax(double order, double sigma2) => Gaussian(order, sigma2 / HistogramSensitivity);

    /// <summary>One Confident-GNMax query: threshold check plus noisy argmax.</summary>
    public static double ConfidentGnMax(double order, double sigma1, double sigma2) => ThresholdCheck(order, sigma1) + NoisyArgmax(order, sigma2);

    public static double SignSum(double order, double sigma, int k) => Gaussian(order, sigma / SignSumSensitivity(k));

    /// <summary>(ε, δ) of <paramref name="queries"/> queries of RDP <paramref name="perQuery"/>(α), composed additively over the default orders.</summary>
    public static RdpEpsilon Compose(Func<double, double> perQuery, long queries, double delta, RdpConversion conversion = RdpConversion.Improved)
    {
        if (queries < 0) throw new ArgumentOutOfRangeException(nameof(queries), queries, "queries must be >= 0.");
        var orders = RdpOrders.Default;
        return RdpOrders.ToEpsilon(orders, [.. orders.Select(a => queries * perQuery(a))], delta, conversion);
    }

    /// <summary>The Gaussian mechanism's RDP at order α with noise multiplier z (std / sensitivity): α / (2z²).</summary>
    static double Gaussian(double order, double z)
    {
        if (!(order > 1)) throw new ArgumentOutOfRangeException(nameof(order), order, "the RDP order must be > 1.");
        if (!(z >= 0)) throw new ArgumentOutOfRangeException(nameof(z), z, "the noise multiplier must be >= 0.");
        return z == 0 ? double.PositiveInfinity : order / (2 * z * z);
    }
}
