using MathNet.Numerics.LinearAlgebra;

namespace Privatar.Synthesis.Metrics;

/// <summary>
/// Fréchet distance between two Gaussians: ‖μ₁ − μ₂‖² + Tr Σ₁ + Tr Σ₂ − 2 Tr (Σ₁Σ₂)^½. The trace of the square root
/// is taken from the symmetric matrix Σ₁^½ Σ₂ Σ₁^½ (same eigenvalues as Σ₁Σ₂), by two symmetric eigendecompositions,
/// so no general (complex) matrix square root is needed. Eigenvalues that round below zero count as zero.
/// </summary>
public static class Fid
{
    public static double Compute(FeatureStatistics a, FeatureStatistics b)
    {
        if (a.Mean.Count != b.Mean.Count)
            throw new ArgumentException($"FID: feature widths differ ({a.Mean.Count} and {b.Mean.Count})");
        var diff = a.Mean - b.Mean;
        var rootA = SymmetricSqrt(a.Covariance);
        var inner = rootA * b.Covariance * rootA;
        inner = (inner + inner.Transpose()) / 2;   // symmetric up to rounding; make it exactly so for the symmetric solver
        var traceSqrt = inner.Evd(Symmetricity.Symmetric).EigenValues.Sum(l => Math.Sqrt(Math.Max(l.Real, 0)));
        return diff.DotProduct(diff) + a.Covariance.Trace() + b.Covariance.Trace() - 2 * traceSqrt;
    }

    /// <summary>The PSD square root V diag(√max(λ, 0)) Vᵀ of a symmetric matrix.</summary>
    public static Matrix<double> SymmetricSqrt(Matrix<double> s)
    {
        var evd = ((s + s.Transpose()) / 2).Evd(Symmetricity.Symmetric);
        var v = evd.EigenVectors;
        var roots = Vector<double>.Build.Dense(evd.EigenValues.Count, i => Math.Sqrt(Math.Max(evd.EigenValues[i].Real, 0)));
        return v * Matrix<double>.Build.DiagonalOfDiagonalVector(roots) * v.Transpose();
    }
}
