namespace Privatar.Models;

/// <summary>
/// Which BDCT components go to the cloud and how many decoder channels each side gets (§3.5): components are
/// sorted by their measured inter-sample L2 difference, paired, and the pairs taken least-important first.
/// Channel ratios come from the rounded group importances, so decoder widths do not follow n directly.
/// </summary>
public sealed record FrequencyGrouping(
    int Offloaded,
    IReadOnlyList<int> OffloadedComponents,
    IReadOnlyList<int> LocalComponents,
    int OffloadedRatio,
    int LocalRatio,
    IReadOnlyList<double> GroupImportance)
{
    public const int PerGroup = 2;

    /// <summary>The original's per-component L2 differences (components 0..15) on Multiface.</summary>
    public static IReadOnlyList<double> OriginalL2Differences { get; } = new double[]
    {
        193010000, 41593896, 26539686, 20498900, 37043116, 25669930, 21078640, 18212020,
        23593842, 20278054, 17874242, 16085497, 18370926, 16896158, 15619506, 14439489,
    };

    /// <summary>Encoder input channels: 3 per component.</summary>
    public int LocalEncoderChannels => 3 * LocalComponents.Count;
    public int OffloadedEncoderChannels => 3 * OffloadedComponents.Count;
    /// <summary>Decoder output channels: 3 per ratio unit; the local decoder fills slots 0..LocalRatio-1.</summary>
    public int LocalDecoderChannels => 3 * LocalRatio;
    public int OffloadedDecoderChannels => 3 * OffloadedRatio;

    public static FrequencyGrouping For(int offloaded) => For(offloaded, OriginalL2Differences);

    public static FrequencyGrouping For(int offloaded, IReadOnlyList<double> l2Differences)
    {
        const int total = BlockDct.Components;
        if (l2Differences.Count != total)
            throw new ArgumentException($"FrequencyGrouping: expected {total} L2 differences, got {l2Differences.Count}");
        if (offloaded < PerGroup || offloaded >= total || offloaded % PerGroup != 0)
            throw new ArgumentException($"num_freq_comp_offloaded: expected an even number in 2..14, got {offloaded}");
        var min = l2Differences.Min();
        var relative = l2Differences.Select(v => v / min).ToArray();
        var sum = relative.Sum();
        // 16.5 rather than 16 so that the rounded group ratios add up to 16 (the original's comment).
        var normalized = relative.Select(v => v / sum * 16.5).ToArray();
        var sorted = Enumerable.Range(0, total).OrderBy(i => normalized[i]).ThenBy(i => i).ToArray();   // stable argsort
        var groups = Enumerable.Range(0, total / PerGroup)
            .Select(gi => normalized[sorted[gi * PerGroup]] + normalized[sorted[gi * PerGroup + 1]]).ToArray();
        var ratios = groups.Select(v => (int)Math.Round(v, MidpointRounding.ToEven)).ToArray();
        if (ratios.Sum() != total)
            throw new ArgumentException($"FrequencyGrouping: rounded group ratios sum to {ratios.Sum()}, not {total}");
        var off = new List<int>();
        var offRatio = 0;
        for (var gi = 0; off.Count < offloaded; gi++)
        {
            off.Add(sorted[gi * PerGroup]);
            off.Add(sorted[gi * PerGroup + 1]);
            offRatio += ratios[gi];
        }
        var local = Enumerable.Range(0, total).Where(k => !off.Contains(k)).ToArray();
        return new FrequencyGrouping(offloaded, off, local, offRatio, total - offRatio, groups);
    }
}
