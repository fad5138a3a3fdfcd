using Privatar.Accounting.Audit;
using Xunit;

namespace Privatar.Accounting.Tests.Audit;

/// <summary>
/// Expected values come from a separate python transcription of Steinke–Nasr–Jagielski 2023 Thm 3 (math.comb binomials,
/// 60-step bisection), not from this code; the δ = 0, all-right case also has a closed form: p_low = β^(1/r).
/// </summary>
public class OneRunAuditTests
{
    [Theory]
    [InlineData(1000, 100, 100, 0, 3.4929654311522937)]
    [InlineData(1000, 100, 100, 1e-5, 3.4653763478110453)]
    [InlineData(1000, 200, 150, 1e-5, 0.8199729121699937)]
    [InlineData(1000, 100, 60, 1e-5, 0.04954866064484633)]
    [InlineData(100, 20, 20, 0, 1.8227156065028978)]
    [InlineData(1000, 1000, 550, 1e-5, 0.0939880930570093)]
    public void LowerBoundMatchesIndependentValues(int m, int r, int v, double delta, double expected)
    {
        Assert.Equal(expected, OneRunAudit.EpsilonLowerBound(m, r, v, delta), 2e-6);
    }

    [Fact]
    public void PValueMatchesAndChanceGuessingProvesNothing()
    {
        Assert.Equal(0.07300911594917775, OneRunAudit.PValue(1000, 100, 80, 1.0, 1e-5), 1e-12);
        double b = Math.Pow(0.05, 1 / 100.0);
        Assert.Equal(Math.Log(b / (1 - b)), OneRunAudit.EpsilonLowerBound(1000, 100, 100, 0), 2e-6);
        Assert.Equal(0, OneRunAudit.EpsilonLowerBound(1000, 100, 50, 1e-5));
        Assert.Throws<ArgumentOutOfRangeException>(() => OneRunAudit.PValue(10, 5, 6, 1, 0));
    }

    [Fact]
    public void GuessesTakeTheTopAndBottomScores()
    {
        // Members score 1..5 above non-members' -1..-5 except one swapped pair.
        double[] scores = [5, 4, 3, 2, -1, 1, -2, -3, -4, -5];
        bool[] member = [true, true, true, true, true, false, false, false, false, false];
        var o = MembershipGuess.Audit(scores, member, 3, 3, 1e-5);
        Assert.Equal((10, 6, 6), (o.Canaries, o.Guesses, o.Correct));
        Assert.Equal(OneRunAudit.EpsilonLowerBound(10, 6, 6, 1e-5), o.EpsilonLower);
        Assert.Equal(24 / 25.0, MembershipGuess.Auc(scores, member), 12);
        Assert.Equal(0.5, MembershipGuess.Auc([1, 1, 1, 1], [true, false, true, false]), 12);
    }
}
