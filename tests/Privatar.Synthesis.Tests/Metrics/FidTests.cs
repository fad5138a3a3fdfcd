using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Privatar.Synthesis.Metrics;

namespace Privatar.Synthesis.Tests.Metrics;

public sealed class FidTests
{
    static FeatureStatistics Gaussian(double[] mean, double[,] cov) =>
        new(Vector<double>.Build.DenseOfArray(mean), Matrix<double>.Build.DenseOfArray(cov));

    [Fact]
    public void Should_Match_The_Closed_Form_For_Diagonal_Gaussians()
    {
        // ‖(1, 2)‖² + (1 + 4) + (4 + 9) − 2(√(1·4) + √(4·9)) = 5 + 18 − 16 = 7
        var fid = Fid.Compute(Gaussian([0, 0], new double[,] { { 1, 0 }, { 0, 4 } }), Gaussian([1, 2], new double[,] { { 4, 0 }, { 0, 9 } }));
        Assert.Equal(7.0, fid, 10);
    }

    [Fact]
    public void Should_Match_The_Closed_Form_For_A_Correlated_Covariance()
    {
        // Σ₁ = I: Tr (Σ₂)^½ with Σ₂ = [[2, 1], [1, 2]] (eigenvalues 3 and 1) is √3 + 1.
        var fid = Fid.Compute(Gaussian([0, 0], new double[,] { { 1, 0 }, { 0, 1 } }), Gaussian([3, 0], new double[,] { { 2, 1 }, { 1, 2 } }));
        Assert.Equal(9 + 2 + 4 - 2 * (Math.Sqrt(3) + 1), fid, 10);
    }

    [Fact]
    public void Should_Be_Zero_For_Equal_Statistics_And_Symmetric()
    {
        var a = Gaussian([1, -1, 0.5], new double[,] { { 2, 0.3, 0 }, { 0.3, 1, 0.2 }, { 0, 0.2, 0.5 } });
        var b = Gaussian([0, 0, 0], new double[,] { { 1, 0, 0.1 }, { 0, 3, 0 }, { 0.1, 0, 1 } });
        Assert.Equal(0, Fid.Compute(a, a), 9);
        Assert.Equal(Fid.Compute(a, b), Fid.Compute(b, a), 9);
    }

    [Fact]
    public void Should_Approach_The_Closed_Form_From_Samples()
    {
        var random = new Random(11);
        Matrix<double> Sample(double[] mean, double[] std) =>
            Matrix<double>.Build.Dense(20000, 2, (_, c) => mean[c] + std[c] * Normal.Sample(random, 0, 1));
        var fid = Fid.Compute(FeatureStatistics.Of(Sample([0, 0], [1, 2])), FeatureStatistics.Of(Sample([1, 2], [2, 3])));
        Assert.InRange(fid, 6.7, 7.3);   // closed form 7 (the diagonal case above)
    }

    [Fact]
    public void Should_Compute_Unbiased_Statistics()
    {
        var stats = FeatureStatistics.Of(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 3, 2 } }));
        Assert.Equal([2.0, 1.0], stats.Mean.ToArray());
        Assert.Equal(2.0, stats.Covariance[0, 0], 12);   // ((−1)² + 1²) / (2 − 1)
        Assert.Equal(2.0, stats.Covariance[0, 1], 12);
    }

    [Fact]
    public void Should_Reject_Different_Widths()
    {
        var e = Assert.Throws<ArgumentException>(() => Fid.Compute(Gaussian([0], new double[,] { { 1 } }), Gaussian([0, 0], new double[,] { { 1, 0 }, { 0, 1 } })));
        Assert.Contains("feature widths differ (1 and 2)", e.Message);
    }
}
