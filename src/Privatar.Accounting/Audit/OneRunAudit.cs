using MathNet.Numerics;

namespace Privatar.Accounting.Audit;

/// <summary>
/// Empirical lower bound on ε from one training run (Steinke, Nasr, Jagielski 2023, "Privacy Auditing with One (1)
/// Training Run", Thm 3): m canaries each included independently with probability ½; the auditor guesses membership for
/// r of them and abstains on the rest; v guesses are right. Under (ε, δ)-DP,
///   P[V ≥ v] ≤ P[Bin(r, p) ≥ v] + 2mδ · max_{1≤i≤v} P[v − i ≤ Bin(r, p) &lt; v] / i,   p = e^ε/(1 + e^ε),
/// so every ε whose bound falls below β = 1 − confidence is rejected; ε_lower is the largest rejected ε.
/// </summary>
public static class OneRunAudit
{
    /// <summary>The bound above: a p-value for "the mechanism is (ε, δ)-DP" given v right out of r guesses on m canaries.</summary>
    public static double PValue(int m, int r, int v, double epsilon, double delta)
    {
        if (!(0 <= v && v <= r && r <= m)) throw new ArgumentOutOfRangeException(nameof(v), $"need 0 ≤ v ≤ r ≤ m, got v = {v}, r = {r}, m = {m}.");
        if (!(epsilon >= 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "ε must be ≥ 0.");
        if (!(delta >= 0 && delta <= 1)) throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must be in [0, 1].");
        double p = 1 / (1 + Math.Exp(-epsilon));
        var pmf = new double[r + 1];
        for (int k = 0; k <= r; k++) pmf[k] = Math.Exp(LogPmf(r, k, p));
        double tail = 0;
        for (int k = r; k >= v; k--) tail += pmf[k];      // smallest terms first
        double worst = 0, below = 0;
        for (int i = 1; i <= v; i++)
        {
            below += pmf[v - i];
            worst = Math.Max(worst, below / i);
        }
        return Math.Min(1, tail + 2 * m * delta * worst);
    }

    /// <summary>
    /// ε_lower at <paramref name="confidence"/>: the largest ε the observation rejects at level 1 − confidence (0 when
    /// it rejects none). Bisection to 1e-6 on ε; the p-value increases with ε.
    /// </summary>
    public static double EpsilonLowerBound(int m, int r, int v, double delta, double confidence = 0.95)
    {
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "confidence must be in (0, 1).");
        double beta = 1 - confidence;
        if (PValue(m, r, v, 0, delta) >= beta) return 0;
        double lo = 0, hi = 1;
        while (PValue(m, r, v, hi, delta) < beta)
        {
            lo = hi;
            hi *= 2;
            if (hi > 1e4) return lo; // every guess right and δ = 0: no finite ε is consistent; report what was rejected
        }
        while (hi - lo > 1e-6)
        {
            double mid = 0.5 * (lo + hi);
            if (PValue(m, r, v, mid, delta) < beta) lo = mid; else hi = mid;
        }
        return lo;
    }

    static double LogPmf(int n, int k, double p) =>
        SpecialFunctions.BinomialLn(n, k) + (k == 0 ? 0 : k * Math.Log(p)) + (n - k == 0 ? 0 : (n - k) * LogMath.Log1p(-p));
}

/// <summary>What an audit's guesses achieved: m canaries, r guesses, v right, and ε_lower from them.</summary>
public sealed record AuditOutcome(int Canaries, int Guesses, int Correct, double EpsilonLower);

/// <summary>Membership guesses from scores (higher = more likely a member, e.g. −loss).</summary>
public static class MembershipGuess
{
    /// <summary>
    /// Guesses "member" for the <paramref name="positives"/> highest scores and "non-member" for the
    /// <paramref name="negatives"/> lowest, abstaining on the rest (the paper's top-k / bottom-k rule), and returns the
    /// count of right guesses with ε_lower at the given δ and confidence. Ties are broken by index, so it is deterministic.
    /// </summary>
    public static AuditOutcome Audit(IReadOnlyList<double> scores, IReadOnlyList<bool> isMember, int positives, int negatives,
        double delta, double confidence = 0.95)
    {
        if (scores.Count != isMember.Count) throw new ArgumentException($"{scores.Count} scores but {isMember.Count} membership labels.", nameof(isMember));
        int m = scores.Count;
        if (positives < 0 || negatives < 0 || positives + negatives > m)
            throw new ArgumentOutOfRangeException(nameof(positives), $"need positives + negatives ≤ m = {m}, got {positives} + {negatives}.");
        var order = Enumerable.Range(0, m).OrderByDescending(i => scores[i]).ThenBy(i => i).ToArray();
        int correct = order.Take(positives).Count(i => isMember[i]) + order.Skip(m - negatives).Count(i => !isMember[i]);
        int r = positives + negatives;
        return new AuditOutcome(m, r, correct, OneRunAudit.EpsilonLowerBound(m, r, correct, delta, confidence));
    }

    /// <summary>
    /// Area under the ROC curve of the scores separating members (true) from non-members: the probability that a random
    /// member scores above a random non-member, ties counting ½ (Mann–Whitney).
    /// </summary>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<bool> isMember)
    {
        if (scores.Count != isMember.Count) throw new ArgumentException($"{scores.Count} scores but {isMember.Count} membership labels.", nameof(isMember));
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        long pos = isMember.Count(x => x), neg = scores.Count - pos;
        if (pos == 0 || neg == 0) throw new ArgumentException("AUC needs both members and non-members.", nameof(isMember));
        double rankSum = 0;
        for (int a = 0; a < order.Length;)
        {
            int b = a;
            while (b + 1 < order.Length && scores[order[b + 1]] == scores[order[a]]) b++;
            double midRank = 0.5 * (a + b) + 1;     // 1-based average rank of the tie group
            for (int k = a; k <= b; k++) if (isMember[order[k]]) rankSum += midRank;
            a = b + 1;
        }
        return (rankSum - pos * (pos + 1) / 2.0) / (pos * (double)neg);
    }
}
