using Privatar.Models;

namespace Privatar.Attacks;

/// <summary>
/// Which BDCT components make up each reference slot. <see cref="Slots"/>[s] lists the components summed into slot s
/// (an empty slot stays zero, as the original's torch.zeros does); with <see cref="SumColours"/> the one slot is also
/// summed over the three colours, giving a single channel; otherwise slot s occupies channels 3s … 3s+2.
/// </summary>
public sealed record ReferencePlan(ReferenceMode Mode, IReadOnlyList<IReadOnlyList<int>> Slots, bool SumColours)
{
    /// <summary>Threshold on a pair's summed normalised importance below which the original merges it into one slot.</summary>
    public const double AmbiguityThreshold = 2.0;

    public int Channels => SumColours ? 1 : 3 * Slots.Count;

    public static ReferencePlan For(ReferenceMode mode, int offloaded) => For(mode, offloaded, FrequencyGrouping.OriginalL2Differences);

    public static ReferencePlan For(ReferenceMode mode, int offloaded, IReadOnlyList<double> l2Differences)
    {
        var grouping = FrequencyGrouping.For(offloaded, l2Differences);
        return mode switch
        {
            ReferenceMode.AmbiguityMerge => new(mode, AmbiguityMerge(grouping.OffloadedRatio, l2Differences), false),
            ReferenceMode.AccumulatedHf => new(mode, [Enumerable.Range(BlockDct.Components - offloaded, offloaded).ToArray()], true),
            ReferenceMode.AccumulatedOffload => new(mode, [grouping.OffloadedComponents.ToArray()], true),
            _ => throw new ArgumentException($"reference mode: unknown value {mode}"),
        };
    }

    /// <summary>
    /// Version 1: <paramref name="ratio"/> (the offloaded channel ratio) slots, filled from the highest slot down with the
    /// importance-ranked pairs (least important first, the model's own pairing): a pair whose normalised importances add
    /// up to less than 2 shares one slot (D[f0] + D[f1]); any other pair takes two slots, f0 then f1. The walk stops
    /// when the slots run out, not when n components are used, so n = 12 (ratio 7) also takes the local pair (2, 4), and
    /// n = 14 (ratio 9) puts component 1 in slot 1 and the DC component 0 in slot 0.
    /// </summary>
    static IReadOnlyList<IReadOnlyList<int>> AmbiguityMerge(int ratio, IReadOnlyList<double> l2Differences)
    {
        var pairs = RankedPairs(l2Differences);
        var slots = Enumerable.Range(0, ratio).Select(_ => (IReadOnlyList<int>)Array.Empty<int>()).ToArray();
        var slot = ratio - 1;
        foreach (var (f0, f1, importance) in pairs)
        {
            if (slot < 0) break;
            if (importance < AmbiguityThreshold) slots[slot--] = [f0, f1];
            else
            {
                slots[slot--] = [f0];
                // Python's ref[-1] is the last slot: with one slot left a split pair would overwrite it there.
                // Unreachable with the original's importance list (merged pairs never leave exactly one slot).
                slots[slot < 0 ? ratio - 1 : slot] = [f1];
                slot--;
            }
        }
        return slots;
    }

    /// <summary>All 8 pairs of the importance ranking with their summed normalised importance, least important first.</summary>
    public static IReadOnlyList<(int F0, int F1, double Importance)> RankedPairs(IReadOnlyList<double> l2Differences)
    {
        // The model's grouping for n = 14 lists the first 7 pairs in rank order; the last pair is the two local
        // components, ranked by the same key (importance is monotone in the L2 difference, ties by index).
        var g = FrequencyGrouping.For(BlockDct.Components - FrequencyGrouping.PerGroup, l2Differences);
        var order = g.OffloadedComponents.Concat(g.LocalComponents.OrderBy(k => l2Differences[k]).ThenBy(k => k)).ToArray();
        return Enumerable.Range(0, order.Length / 2).Select(i => (order[2 * i], order[2 * i + 1], g.GroupImportance[i])).ToArray();
    }
}
