using Privatar.Attacks;
using Xunit;

namespace Privatar.Attacks.Tests;

public class ReferencePlanTests
{
    static int[][] Slots(ReferencePlan p) => p.Slots.Select(s => s.ToArray()).ToArray();

    [Fact]
    public void Pairs_follow_the_original_importance_ranking_and_only_the_last_is_not_ambiguous()
    {
        var pairs = ReferencePlan.RankedPairs(Privatar.Models.FrequencyGrouping.OriginalL2Differences);
        Assert.Equal(new[] { (15, 14), (11, 13), (10, 7), (12, 9), (3, 6), (8, 5), (2, 4), (1, 0) }, pairs.Select(p => (p.F0, p.F1)));
        // §3.5: group sums 0.941 1.033 1.130 1.211 1.302 1.543 1.991 7.348
        Assert.Equal(new[] { 0.941, 1.033, 1.130, 1.211, 1.302, 1.543, 1.991, 7.348 }, pairs.Select(p => Math.Round(p.Importance, 3)));
        Assert.All(pairs.Take(7), p => Assert.True(p.Importance < ReferencePlan.AmbiguityThreshold));
    }

    [Fact]
    public void Ambiguity_merge_for_n2_is_one_slot_of_15_plus_14()
    {
        var p = ReferencePlan.For(ReferenceMode.AmbiguityMerge, 2);
        Assert.Equal(new[] { new[] { 15, 14 } }, Slots(p));
        Assert.Equal(3, p.Channels);
        Assert.False(p.SumColours);
    }

    [Fact]
    public void Ambiguity_merge_fills_from_the_highest_slot_down()
    {
        // n = 4: offloaded ratio 2; the least important pair takes slot 1
        Assert.Equal(new[] { new[] { 11, 13 }, new[] { 15, 14 } }, Slots(ReferencePlan.For(ReferenceMode.AmbiguityMerge, 4)));
    }

    [Fact]
    public void Ambiguity_merge_for_n12_takes_the_local_pair_2_4_because_the_ratio_is_7()
    {
        var slots = Slots(ReferencePlan.For(ReferenceMode.AmbiguityMerge, 12));
        Assert.Equal(7, slots.Length);
        Assert.Equal(new[] { 2, 4 }, slots[0]);
        Assert.Equal(new[] { 8, 5 }, slots[1]);
        Assert.Equal(new[] { 15, 14 }, slots[6]);
    }

    [Fact]
    public void Ambiguity_merge_for_n14_splits_the_last_pair_into_component_1_and_the_dc()
    {
        var slots = Slots(ReferencePlan.For(ReferenceMode.AmbiguityMerge, 14));
        int[][] expected = [[0], [1], [2, 4], [8, 5], [3, 6], [12, 9], [10, 7], [11, 13], [15, 14]];
        Assert.Equal(expected, slots);
        Assert.Equal(27, ReferencePlan.For(ReferenceMode.AmbiguityMerge, 14).Channels);
    }

    [Fact]
    public void Accumulated_hf_sums_the_top_n_components_in_natural_order_over_colours()
    {
        var p = ReferencePlan.For(ReferenceMode.AccumulatedHf, 4);
        Assert.Equal(new[] { new[] { 12, 13, 14, 15 } }, Slots(p));
        Assert.True(p.SumColours);
        Assert.Equal(1, p.Channels);
    }

    [Fact]
    public void Accumulated_offload_sums_the_models_offloaded_list()
    {
        Assert.Equal(new[] { new[] { 15, 14, 11, 13 } }, Slots(ReferencePlan.For(ReferenceMode.AccumulatedOffload, 4)));
        Assert.Equal(new[] { new[] { 15, 14, 11, 13, 10, 7, 12, 9, 3, 6, 8, 5, 2, 4 } }, Slots(ReferencePlan.For(ReferenceMode.AccumulatedOffload, 14)));
    }

    [Fact]
    public void Mode_names_round_trip_and_unknown_names_are_rejected()
    {
        foreach (var m in ReferenceModes.All) Assert.Equal(m, ReferenceModes.Parse(m.Name()));
        var e = Assert.Throws<ArgumentException>(() => ReferenceModes.Parse("merged"));
        Assert.Contains("ambiguity_merge", e.Message);
    }
}
