using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Random;

namespace Privatar.Noise.Tests.Fixtures;

/// <summary>Seeded synthetic latent matrices.</summary>
public static class SyntheticLatents
{
    public static Matrix<double> Gaussian(int rows, int cols, int seed, double scale = 1.0)
    {
        var rng = new MersenneTwister(seed);
        return Matrix<double>.Build.Dense(rows, cols, (_, _) => scale * Normal.Sample(rng, 0, 1));
    }

    /// <summary>A random orthogonal d×d matrix (Q of a Gaussian matrix's QR).</summary>
    public static Matrix<double> Rotation(int d, int seed) => Gaussian(d, d, seed).QR().Q;

    /// <summary>
    /// T rows whose sample covariance (np.cov, N−1) is exactly <paramref name="covariance"/> up to rounding:
    /// Gaussian rows are centred, whitened to identity sample covariance, then coloured with Σ^{1/2}.
    /// </summary>
    public static double[,] WithExactCovariance(Matrix<double> covariance, int rows, int seed)
    {
        var d = covariance.RowCount;
        var w = Gaussian(rows, d, seed);
        var mean = w.ColumnSums() / rows;
        w = w - Matrix<double>.Build.Dense(rows, d, (_, j) => mean[j]);
        var sampleCov = w.TransposeThisAndMultiply(w) / (rows - 1);
        var whiten = sampleCov.Cholesky().Factor.Inverse().Transpose();     // W·L⁻ᵀ has identity sample covariance
        var colour = covariance.Cholesky().Factor.Transpose();              // then ·Lᵀ gives Σ = L·Lᵀ
        return (w * whiten * colour).ToArray();
    }
}
