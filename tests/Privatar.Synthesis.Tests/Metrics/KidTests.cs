using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Privatar.Synthesis.Metrics;

namespace Privatar.Synthesis.Tests.Metrics;

public sealed class KidTests
{
    static Matrix<double> Rows(params double[][] rows) => Matrix<double>.Build.DenseOfRowArrays(rows);

    [Fact]
    public void Should_Match_A_Hand_Computed_Mmd()
    {
        // d = 1, so k(x, y) = (xy + 1)³. X = {0, 1}, Y = {1, 2}:
        // Σ_{i≠j} k_xx = 2·k(0,1) = 2; Σ_{i≠j} k_yy = 2·k(1,2) = 54; Σ k_xy = 1 + 1 + 8 + 27 = 37
        // MMD² = (2 + 54) / (2·1) − 2·37 / 4 = 28 − 18.5 = 9.5
        var x = Rows([0], [1]);
        var y = Rows([1], [2]);
        Assert.Equal(9.5, Kid.UnbiasedMmd2(x, y), 12);
        var kid = Kid.Compute(x, y, subsets: 5, subsetSize: 2, seed: 3);   // every subset is the whole set
        Assert.Equal(9.5, kid.Mean, 12);
        Assert.Equal(0, kid.Std, 12);
    }

    [Fact]
    public void Should_Be_Near_Zero_For_Identical_Sets()
    {
        var random = new Random(5);
        var x = Matrix<double>.Build.Dense(1000, 8, (_, _) => Normal.Sample(random, 0, 1));
        // Independent subsets of one set: the unbiased estimate scatters around 0 (subsets overlap, so no 1/√n rule)
        var kid = Kid.Compute(x, x.Clone(), subsets: 20, subsetSize: 200, seed: 1);
        Assert.InRange(kid.Mean, -0.02, 0.02);
        // while a unit shift of every feature is far from it
        var shifted = Kid.Compute(x, x.Map(v => v + 1), subsets: 20, subsetSize: 200, seed: 1);
        Assert.True(shifted.Mean > 0.5 && shifted.Mean > 25 * Math.Abs(kid.Mean), $"shifted {shifted.Mean}, identical {kid.Mean}");
    }

    [Fact]
    public void Should_Be_Deterministic_For_A_Seed()
    {
        var random = new Random(2);
        var x = Matrix<double>.Build.Dense(300, 4, (_, _) => random.NextDouble());
        var y = Matrix<double>.Build.Dense(300, 4, (_, _) => random.NextDouble() * 1.2);
        Assert.Equal(Kid.Compute(x, y, 10, 100, 7), Kid.Compute(x, y, 10, 100, 7));
    }

    [Fact]
    public void Should_Reject_A_Subset_Larger_Than_A_Set()
    {
        var e = Assert.Throws<ArgumentException>(() => Kid.Compute(Rows([0], [1], [2]), Rows([0], [1]), 1, 3, 0));
        Assert.Contains("subset size 3", e.Message);
        Assert.Contains("(3 real, 2 generated)", e.Message);
    }
}
