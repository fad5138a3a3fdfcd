using Privatar.Attacks;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Attacks.Tests;

public class EmpiricalMatcherTests
{
    /// <summary>(K, 16, 3, G, G) with value 100·k + 10·f + c everywhere in sample k, component f, colour c (G = 2).</summary>
    static Tensor Coded(int k)
    {
        var v = new float[k * 16 * 3 * 4];
        for (var s = 0; s < k; s++)
            for (var f = 0; f < 16; f++)
                for (var c = 0; c < 3; c++)
                    for (var p = 0; p < 4; p++)
                        v[((s * 16 + f) * 3 + c) * 4 + p] = 100 * s + 10 * f + c;
        return tensor(v, new long[] { k, 16, 3, 2, 2 });
    }

    [Fact]
    public void Ambiguity_merge_slots_hold_the_sum_of_their_pair_per_colour()
    {
        using var d = Coded(2);
        using var refs = EmpiricalMatcher.References(d, ReferencePlan.For(ReferenceMode.AmbiguityMerge, 4));
        Assert.Equal(new long[] { 2, 6, 2, 2 }, refs.shape);
        // sample 1, slot 0 = D[11] + D[13], colour 2: (100 + 110 + 2) + (100 + 130 + 2)
        Assert.Equal(444.0, refs[1, 2, 0, 0].item<double>());
        // sample 0, slot 1 = D[15] + D[14], colour 0: 150 + 140
        Assert.Equal(290.0, refs[0, 3, 1, 1].item<double>());
    }

    [Fact]
    public void Accumulated_modes_sum_components_and_colours_into_one_channel()
    {
        using var d = Coded(1);
        using var hf = EmpiricalMatcher.References(d, ReferencePlan.For(ReferenceMode.AccumulatedHf, 2));
        Assert.Equal(new long[] { 1, 1, 2, 2 }, hf.shape);
        Assert.Equal((140 * 3 + 3) + (150 * 3 + 3), hf[0, 0, 0, 0].item<double>());   // components 14 and 15, colours 0 + 1 + 2
        using var off = EmpiricalMatcher.References(d, ReferencePlan.For(ReferenceMode.AccumulatedOffload, 4));
        Assert.Equal((150 + 140 + 110 + 130) * 3 + 4 * 3, off[0, 0, 1, 0].item<double>());
    }

    [Fact]
    public void Scores_equal_the_broadcast_mse_of_the_channel_summed_prediction()
    {
        random.manual_seed(7);
        using var refs = randn(5, 6, 3, 3);
        using var preds = randn(4, 9, 3, 3);
        using var scores = EmpiricalMatcher.Scores(refs, preds);
        Assert.Equal(new long[] { 4, 5 }, scores.shape);
        for (var i = 0; i < 4; i++)
            for (var j = 0; j < 5; j++)
            {
                using var s = preds[i].to(float64).sum(dim: 0L);   // sum(0) would bind to sum(ScalarType)
                using var mse = (refs[j].to(float64) - s).pow(2).mean();
                Assert.Equal(mse.item<double>(), scores[i, j].item<double>(), 9);
            }
    }

    [Fact]
    public void Success_means_the_own_reference_scores_lowest_and_ties_go_to_the_first()
    {
        // row 0: argmin 0 (hit); row 1: argmin 2 (miss); row 2: tie between 1 and 2, the first wins (miss)
        using var scores = tensor(new double[] { 0.1, 0.5, 0.9, 0.2, 0.3, 0.1, 0.3, 0.1, 0.1 }, new long[] { 3, 3 });
        Assert.Equal(1, EmpiricalMatcher.Successes(scores));
    }
}
