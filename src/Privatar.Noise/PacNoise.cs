using MathNet.Numerics.LinearAlgebra;

namespace Privatar.Noise;

/// <summary>The latent covariance and its SVD, as the original saves them (u, s, u_t; s descending).</summary>
public sealed class PacSpectrum
{
    PacSpectrum(Matrix<double> covariance, Matrix<double> u, Vector<double> s, Matrix<double> ut)
    {
        Covariance = covariance;
        U = u;
        S = s;
        Ut = ut;
    }

    public Matrix<double> Covariance { get; }
    public Matrix<double> U { get; }
    public Vector<double> S { get; }
    public Matrix<double> Ut { get; }
    public int Dimension => S.Count;

    /// <summary>np.cov(Z, rowvar=False) followed by np.linalg.svd. Column signs of U may differ from LAPACK's;
    /// no noise depends on them (U·diag·Uᵀ is sign-invariant).</summary>
    public static PacSpectrum Of(double[,] latents)
    {
        var cov = LatentStatistics.Covariance(latents);
        var svd = cov.Svd(computeVectors: true);
        return new PacSpectrum(cov, svd.U, svd.S, svd.VT);
    }

    /// <summary>
    /// Per-direction noise variances for an MI bound v (nats), S = Σ_j √λ_j:
    /// <list type="bullet">
    /// <item>original: λ_B,j = λ_j·S/(2v), written in the canonical latent basis (dimension j gets the j-th largest
    /// eigenvalue's noise, whatever that dimension's own variance);</item>
    /// <item>corrected: λ_B,j = √λ_j·S/(2v) along eigenvector u_j. This is the anisotropic Gaussian noise of
    /// Xiao and Devadas, "PAC Privacy: Automatic Privacy Measurement and Control of Data Processing",
    /// CRYPTO 2023 (arXiv 2210.03458), Theorem 3 (anisotropic noise for a deterministic mechanism): with output
    /// covariance Σ = U·diag(λ)·Uᵀ, noise B ~ N(0, U·diag(λ_B)·Uᵀ) gives MI(X; M(X)+B) ≤ v. The bound is short
    /// enough to re-derive: in the eigenbasis the Gaussian channel leaks at most ½Σ_j ln(1 + λ_j/λ_B,j)
    /// ≤ ½Σ_j λ_j/λ_B,j = ½Σ_j √λ_j·2v/S = v; the λ_B above is the minimiser of Σ_j λ_B,j under that constraint.</item>
    /// </list>
    /// </summary>
    public double[] NoiseVariances(double mutualInformation, NoiseFidelity fidelity) => NoiseVariances(S.ToArray(), mutualInformation, fidelity);

    /// <summary>The same variances from the eigenvalues alone (e.g. a saved svd/s file), descending as the SVD gives them.</summary>
    public static double[] NoiseVariances(IReadOnlyList<double> eigenvalues, double mutualInformation, NoiseFidelity fidelity)
    {
        if (!(mutualInformation > 0) || !double.IsFinite(mutualInformation))
            throw new ArgumentException($"mi: expected a positive, finite mutual-information bound (nats), got {mutualInformation}");
        if (eigenvalues.Any(l => !(l >= 0) || !double.IsFinite(l)))
            throw new InvalidDataException("eigenvalues: expected the singular values of a covariance (finite, non-negative)");
        var sqrtSum = eigenvalues.Sum(Math.Sqrt);
        return fidelity == NoiseFidelity.Original
            ? eigenvalues.Select(l => l * sqrtSum / 2 / mutualInformation).ToArray()
            : eigenvalues.Select(l => Math.Sqrt(l) * sqrtSum / 2 / mutualInformation).ToArray();
    }

    /// <summary>The noise basis: the identity under original (no rotation), the eigenvectors U under corrected.</summary>
    public Matrix<double> NoiseBasis(NoiseFidelity fidelity) =>
        fidelity == NoiseFidelity.Original ? Matrix<double>.Build.DenseIdentity(Dimension) : U;

    /// <summary>The full noise covariance B·diag(λ_B)·Bᵀ that the file set describes.</summary>
    public Matrix<double> NoiseCovariance(double mutualInformation, NoiseFidelity fidelity)
    {
        var basis = NoiseBasis(fidelity);
        return basis * Matrix<double>.Build.DenseOfDiagonalArray(NoiseVariances(mutualInformation, fidelity)) * basis.Transpose();
    }
}

/// <summary>Gaussian mutual information, for checking PAC noise against its bound.</summary>
public static class GaussianInformation
{
    /// <summary>I(X; X+N) = ½·ln det(I + Σ_x·Σ_n⁻¹) in nats, for Gaussian X ~ N(·, Σ_x) and independent N ~ N(0, Σ_n),
    /// computed as ½·(ln det(Σ_x + Σ_n) − ln det Σ_n) with Cholesky factors (both matrices are symmetric positive definite).</summary>
    public static double MutualInformation(Matrix<double> signalCovariance, Matrix<double> noiseCovariance) =>
        0.5 * ((signalCovariance + noiseCovariance).Cholesky().DeterminantLn - noiseCovariance.Cholesky().DeterminantLn);
}
