namespace Privatar.Accounting;

/// <summary>
/// Rényi-DP accountant: sums the per-step RDP of every recorded step at each order of the grid and
/// converts the composed curve to (ε, δ). Defaults match Opacus's RDPAccountant (151 orders, improved conversion).
/// </summary>
public sealed class RdpAccountant(RdpConversion conversion = RdpConversion.Improved, IReadOnlyList<double>? orders = null)
    : PrivacyAccountantBase
{
    public RdpConversion Conversion { get; } = conversion;

    public IReadOnlyList<double> Orders { get; } = ValidateOrders(orders ?? RdpOrders.Default);

    /// <summary>The composed RDP ε(α) at every order of <see cref="Orders"/>.</summary>
    public double[] ComposedRdp()
    {
        var total = new double[Orders.Count];
        foreach (var h in History)
            for (int k = 0; k < total.Length; k++)
                total[k] += SubsampledGaussianRdp.Compute(h.SampleRate, h.NoiseMultiplier, h.Steps, Orders[k]);
        return total;
    }

    /// <summary>ε at <paramref name="delta"/> with the minimising order.</summary>
    public RdpEpsilon GetEpsilonDetail(double delta)
    {
        CheckDelta(delta);
        var rdp = ComposedRdp();
        // No privacy-relevant steps: the mechanism is 0-DP (the conversion formula alone would report ε > 0).
        if (rdp.All(r => r == 0)) return new RdpEpsilon(0, double.NaN, false);
        return RdpOrders.ToEpsilon(Orders, rdp, delta, Conversion);
    }

    public override double GetEpsilon(double delta) => GetEpsilonDetail(delta).Epsilon;

    static IReadOnlyList<double> ValidateOrders(IReadOnlyList<double> orders)
    {
        if (orders.Count == 0) throw new ArgumentException("the RDP order grid is empty.", nameof(orders));
        foreach (var a in orders)
            if (!(a > 1)) throw new ArgumentOutOfRangeException(nameof(orders), a, "every RDP order α must be > 1.");
        return orders.ToArray();
    }
}
