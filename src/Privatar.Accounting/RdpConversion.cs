namespace Privatar.Accounting;

/// <summary>How an RDP curve is turned into an (ε, δ) guarantee.</summary>
public enum RdpConversion
{
    /// <summary>Balle et al. 2020 (arXiv 1905.09982, Thm 21), as in Opacus: ε = rdp − (log δ + log α)/(α − 1) + log((α − 1)/α).</summary>
    Improved,

    /// <summary>Mironov 2017 Prop. 3, as in TF Privacy's tutorial numbers: ε = rdp + log(1/δ)/(α − 1).</summary>
    Classic,
}

/// <summary>An (ε, δ) guarantee read off an RDP curve, with the order that attains it.</summary>
/// <param name="Epsilon">The smallest ε over the order grid (∞ if every order is infinite or undefined).</param>
/// <param name="Order">The minimising order α* (NaN if none).</param>
/// <param name="AtGridEdge">True when α* is the first or last order: a wider grid could give a smaller ε.</param>
public sealed record RdpEpsilon(double Epsilon, double Order, bool AtGridEdge);

/// <summary>The order grid and the RDP → (ε, δ) conversions.</summary>
public static class RdpOrders
{
    /// <summary>
    /// Opacus's and TF Privacy's default grid: 1.1, 1.2, …, 10.9 (computed as 1 + x/10, so the doubles match
    /// theirs bit for bit) followed by the integers 12, …, 63 — 151 orders (99 + 52; the shared notes say 150, but Opacus's list has 151).
    /// </summary>
    public static IReadOnlyList<double> Default { get; } =
        Enumerable.Range(1, 99).Select(x => 1 + x / 10.0).Concat(Enumerable.Range(12, 52).Select(x => (double)x)).ToArray();

    /// <summary>Converts a composed RDP curve to ε at the given δ, minimising over the orders (NaNs ignored).</summary>
    public static RdpEpsilon ToEpsilon(IReadOnlyList<double> orders, IReadOnlyList<double> rdp, double delta, RdpConversion conversion)
    {
        if (orders.Count != rdp.Count || orders.Count == 0)
            throw new ArgumentException($"orders ({orders.Count}) and rdp ({rdp.Count}) must be non-empty and of equal length.", nameof(rdp));
        if (!(delta > 0 && delta < 1))
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must be in (0, 1).");
        double best = double.NaN;
        int bestIndex = -1;
        double logDelta = Math.Log(delta);
        for (int k = 0; k < orders.Count; k++)
        {
            double a = orders[k];
            double eps = conversion switch
            {
                RdpConversion.Improved => rdp[k] - (logDelta + Math.Log(a)) / (a - 1) + Math.Log((a - 1) / a),
                RdpConversion.Classic => rdp[k] - logDelta / (a - 1),
                _ => throw new ArgumentOutOfRangeException(nameof(conversion), conversion, "unknown conversion"),
            };
            if (double.IsNaN(eps)) continue;
            if (bestIndex < 0 || eps < best) { best = eps; bestIndex = k; }
        }
        if (bestIndex < 0) return new RdpEpsilon(double.PositiveInfinity, double.NaN, false);
        // Improved conversion can dip below 0 for tiny rdp; ε is a non-negative quantity.
        return new RdpEpsilon(Math.Max(best, 0), orders[bestIndex], bestIndex == 0 || bestIndex == orders.Count - 1);
    }
}
