using MathNet.Numerics.LinearAlgebra;
using Privatar.Noise.Tests.Fixtures;
using Xunit;

namespace Privatar.Noise.Tests;

public sealed class PacNoiseTests
{
    // Known covariance Σ = R·diag(λ)·Rᵀ: 8 dims, λ from 0.05 to 20, a random rotation R.
    static readonly double[] Lambda = [20, 9, 4, 2, 1, 0.5, 0.2, 0.05];
    static readonly Matrix<double> Rotation = SyntheticLatents.Rotation(8, seed: 11);
    static readonly Matrix<double> Sigma = Rotation * Matrix<double>.Build.DenseOfDiagonalArray(Lambda) * Rotation.Transpose();
    static readonly PacSpectrum Spectrum = PacSpectrum.Of(SyntheticLatents.WithExactCovariance(Sigma, rows: 400, seed: 5));

    [Fact]
    public void Covariance_Should_Match_Numpy_Cov_With_Rowvar_False()
    {
        // np.cov([[1,2],[3,5],[5,11]], rowvar=False) = [[4, 9], [9, 21]] (N−1 divisor)
        var cov = LatentStatistics.Covariance(new double[,] { { 1, 2 }, { 3, 5 }, { 5, 11 } });
        Assert.Equal(new double[,] { { 4, 9 }, { 9, 21 } }, cov.ToArray());
    }

    [Fact]
    public void Spectrum_Should_Recover_The_Known_Eigenvalues_In_Descending_Order()
    {
        for (var j = 0; j < Lambda.Length; j++) Assert.Equal(Lambda[j], Spectrum.S[j], 9);
        Assert.True((Spectrum.U * Matrix<double>.Build.DenseOfDiagonalVector(Spectrum.S) * Spectrum.Ut - Sigma).FrobeniusNorm() < 1e-9);
    }

    [Fact]
    public void Original_Should_Scale_By_Eigenvalues_And_Corrected_By_Their_Roots()
    {
        var sqrtSum = Lambda.Sum(Math.Sqrt);
        var original = Spectrum.NoiseVariances(1.0, NoiseFidelity.Original);
        var corrected = Spectrum.NoiseVariances(0.1, NoiseFidelity.Corrected);
        for (var j = 0; j < Lambda.Length; j++)
        {
            Assert.Equal(Lambda[j] * sqrtSum / 2, original[j], 9);
            Assert.Equal(Math.Sqrt(Lambda[j]) * sqrtSum / 2 / 0.1, corrected[j], 9);
        }
        // noise ∝ 1/MI: the MI = 0.01 vector is 100× the MI = 1 vector
        Assert.Equal(100 * original[3], Spectrum.NoiseVariances(0.01, NoiseFidelity.Original)[3], 6);
    }

    [Fact]
    public void Variances_From_Saved_Eigenvalues_Should_Equal_Those_Of_The_Spectrum()
    {
        foreach (var f in new[] { NoiseFidelity.Original, NoiseFidelity.Corrected })
            Assert.Equal(Spectrum.NoiseVariances(0.1, f), PacSpectrum.NoiseVariances(Spectrum.S.ToArray(), 0.1, f));
        Assert.Throws<InvalidDataException>(() => PacSpectrum.NoiseVariances([1.0, -0.5], 1, NoiseFidelity.Corrected));
        Assert.Contains("mi", Assert.Throws<ArgumentException>(() => PacSpectrum.NoiseVariances([1.0], 0, NoiseFidelity.Corrected)).Message);
    }

    [Fact]
    public void Corrected_Noise_Should_Be_Drawn_In_The_Eigenbasis_And_Rotated_Back()
    {
        // The transform a consumer reads is A = U·diag(√λ_B): ε is scaled per eigen-direction, then rotated by U,
        // so A·Aᵀ = U·diag(λ_B)·Uᵀ and Uᵀ·A is diagonal with entries √λ_B (= λ_j^¼ up to a constant).
        var variances = Spectrum.NoiseVariances(1.0, NoiseFidelity.Corrected);
        var a = Matrix<double>.Build.DenseOfArray(NoiseSampling.Transform(variances, Spectrum.U.ToArray()));
        var inEigenbasis = Spectrum.U.TransposeThisAndMultiply(a);
        for (var i = 0; i < Lambda.Length; i++)
            for (var j = 0; j < Lambda.Length; j++)
                Assert.Equal(i == j ? Math.Sqrt(variances[i]) : 0, inEigenbasis[i, j], 9);
        var ratio = Math.Sqrt(variances[0]) / Math.Pow(Lambda[0], 0.25);
        for (var j = 1; j < Lambda.Length; j++) Assert.Equal(ratio, Math.Sqrt(variances[j]) / Math.Pow(Lambda[j], 0.25), 9);
    }

    [Theory]
    [InlineData(1.0, 0.75)]
    [InlineData(0.1, 0.95)]
    [InlineData(0.01, 0.99)]
    public void Corrected_Noise_Should_Bound_The_Gaussian_MI_As_Theorem_3_States(double v, double tightness)
    {
        // Closed form I(X; X+B) = ½ ln det(I + Σ·Σ_B⁻¹) for X ~ N(0, Σ), B ~ N(0, U·diag(λ_B)·Uᵀ):
        // at most v, and close to v (½ln(1+x) ≈ x/2 for small x), so the noise is not oversized either.
        var mi = GaussianInformation.MutualInformation(Sigma, Spectrum.NoiseCovariance(v, NoiseFidelity.Corrected));
        Assert.True(mi <= v, $"MI {mi} exceeds the bound {v}");
        Assert.True(mi >= tightness * v, $"MI {mi} is far below the bound {v}: noise oversized");
    }

    [Fact]
    public void Original_Noise_Should_Break_The_Bound_When_Variance_Is_Not_On_Dimension_Zero()
    {
        // Given latents whose largest variance sits on the LAST canonical dimension (Σ = diag(ascending λ))
        var ascending = Matrix<double>.Build.DenseOfDiagonalArray(Lambda.Reverse().ToArray());
        var spectrum = PacSpectrum.Of(SyntheticLatents.WithExactCovariance(ascending, 400, seed: 9));

        // When the original's unrotated noise (largest noise on dimension 0) is applied
        var mi = GaussianInformation.MutualInformation(ascending, spectrum.NoiseCovariance(1.0, NoiseFidelity.Original));
        var corrected = GaussianInformation.MutualInformation(ascending, spectrum.NoiseCovariance(1.0, NoiseFidelity.Corrected));

        // Then the leakage exceeds the claimed MI = 1 nat, while the theorem's noise keeps it below
        Assert.True(mi > 1.0, $"expected the original's noise to leak more than 1 nat, got {mi}");
        Assert.True(corrected <= 1.0);
    }

    [Fact]
    public void Sampled_Noise_Should_Have_The_Described_Covariance_And_Be_Seeded()
    {
        var variances = Spectrum.NoiseVariances(1.0, NoiseFidelity.Corrected);
        var transform = NoiseSampling.Transform(variances, Spectrum.U.ToArray());
        var zeros = new double[20000, 8];

        var a = NoiseSampling.AddNoise(zeros, transform, seed: 42);
        var empirical = LatentStatistics.Covariance(a);
        var expected = Spectrum.NoiseCovariance(1.0, NoiseFidelity.Corrected);
        Assert.True((empirical - expected).FrobeniusNorm() / expected.FrobeniusNorm() < 0.03);

        Assert.Equal(a, NoiseSampling.AddNoise(zeros, transform, seed: 42));
        Assert.NotEqual(a[0, 0], NoiseSampling.AddNoise(zeros, transform, seed: 43)[0, 0]);
    }

    [Fact]
    public void Release_Noise_Should_Have_The_Same_Covariance_But_Never_Repeat()
    {
        var variances = Spectrum.NoiseVariances(1.0, NoiseFidelity.Corrected);
        var transform = NoiseSampling.Transform(variances, Spectrum.U.ToArray());
        var zeros = new double[20000, 8];
        var a = NoiseSampling.AddNoise(zeros, transform, seed: 42, Privatar.Core.NoiseMode.Release);
        var expected = Spectrum.NoiseCovariance(1.0, NoiseFidelity.Corrected);
        Assert.True((LatentStatistics.Covariance(a) - expected).FrobeniusNorm() / expected.FrobeniusNorm() < 0.03);
        Assert.NotEqual(a[0, 0], NoiseSampling.AddNoise(zeros, transform, seed: 42, Privatar.Core.NoiseMode.Release)[0, 0]);
        Assert.NotEqual(a[0, 0], NoiseSampling.AddNoise(zeros, transform, seed: 42)[0, 0]);
    }
}
