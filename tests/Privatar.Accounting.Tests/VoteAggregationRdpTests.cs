using Privatar.Accounting;
using Xunit;

namespace Privatar.Accounting.Tests;

/// <summary>
/// The teacher-vote mechanisms' RDP against hand values. A Gaussian mechanism with L2 sensitivity Δ and noise std σ
/// has RDP α·Δ²/(2σ²) at order α (Mironov 2017, Prop. 7). Threshold check: the max count moves by at most Δ = 1 when
/// one teacher's vote moves. Noisy argmax: post-processing of the noisy histogram, which moves by one vote out of a
/// bin and one into another, Δ = √2, so α·2/(2σ2²) = α/σ2². Sign sum: a teacher's k-sparse vector in {−1, 0, 1}^d
/// replaced by another: at most k coordinates each moving by 2 (same support, flipped), Δ² = 4k; disjoint supports
/// give 2k ones, less. So α·4k/(2σ²) = 2αk/σ².
/// </summary>
public sealed class VoteAggregationRdpTests
{
    [Fact]
    public void Should_Match_The_Hand_Values_Of_One_Confident_GnMax_Query()
    {
        // α = 2, σ1 = 4, σ2 = 2: threshold 2/(2·16) = 1/16; argmax 2/4 = 1/2; together 9/16.
        Assert.Equal(0.0625, VoteAggregationRdp.ThresholdCheck(2, 4), 15);
        Assert.Equal(0.5, VoteAggregationRdp.NoisyArgmax(2, 2), 15);
        Assert.Equal(0.5625, VoteAggregationRdp.ConfidentGnMax(2, 4, 2), 15);
        // α = 10, σ1 = 150, σ2 = 40: 10/45000 + 10/1600 = 0.000222… + 0.00625.
        Assert.Equal(10.0 / 45000 + 0.00625, VoteAggregationRdp.ConfidentGnMax(10, 150, 40), 15);
    }

    [Fact]
    public void Should_Match_The_Hand_Value_Of_The_Sign_Sum()
    {
        // α = 3, σ = 6, k = 4: Δ = 2·2 = 4, 3·16/(2·36) = 2/3.
        Assert.Equal(4, VoteAggregationRdp.SignSumSensitivity(4), 15);
        Assert.Equal(2.0 / 3, VoteAggregationRdp.SignSum(3, 6, 4), 15);
        Assert.Equal(double.PositiveInfinity, VoteAggregationRdp.SignSum(3, 0, 4));
    }

    [Fact]
    public void Should_Compose_Like_The_Accountant_Composes_Full_Batch_Gaussian_Steps()
    {
        // At q = 1 the accountant's subsampled Gaussian is the plain one, α/(2z²) with z = σ/Δ: Q queries of the
        // threshold check (z = σ1) and the argmax (z = σ2/√2) must give the same ε as composing the hand formula.
        const double s1 = 400, s2 = 100;
        const long queries = 20000;
        var acc = new RdpAccountant();
        acc.Step(s1, 1.0, queries);
        acc.Step(s2 / Math.Sqrt(2), 1.0, queries);
        var direct = VoteAggregationRdp.Compose(a => VoteAggregationRdp.ConfidentGnMax(a, s1, s2), queries, 1e-5);
        Assert.Equal(acc.GetEpsilon(1e-5), direct.Epsilon, 9);
    }

    [Fact]
    public void Should_Convert_A_Composed_Curve_At_The_Best_Order()
    {
        // Q = 100 noisy-argmax queries at σ2 = 50: rdp(α) = 100·α/2500 = 0.04α. Classic conversion: ε = min over the
        // grid of 0.04α + ln(1e5)/(α − 1), minimised at α* = 1 + √(ln(1e5)/0.04) ≈ 17.97; on the integer grid α = 18
        // gives 0.72 + 11.5129/17 = 1.39723 (α = 17: 1.39956, α = 19: 1.39961).
        var classic = VoteAggregationRdp.Compose(a => VoteAggregationRdp.NoisyArgmax(a, 50), 100, 1e-5, RdpConversion.Classic);
        Assert.Equal(0.72 + Math.Log(1e5) / 17, classic.Epsilon, 12);
        Assert.Equal(18, classic.Order);
    }
}
