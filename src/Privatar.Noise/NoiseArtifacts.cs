using MathNet.Numerics.LinearAlgebra;
using Privatar.Core;

namespace Privatar.Noise;

/// <summary>Which mechanism a noise file belongs to.</summary>
public enum NoiseKind { Dp, Pac }

/// <summary>
/// Writes and reads the noise files under one output directory with the original's names (<see cref="NoiseFileNames"/>).
/// A consumer adds noise = A·ε with ε ~ N(0, I) and A from <see cref="LoadNoiseTransform"/>: A = B·diag(√file), where
/// B is the identity except for corrected PAC noise, whose basis is the eigenvector file svd/u_….npy.
/// This matches the original's reading (the file is a covariance diagonal) for every file it wrote.
/// </summary>
public static class NoiseArtifacts
{
    public static DpNoiseResult WriteDpNoise(string directory, NoiseTarget target, double[,] latents, double mi, DpNoiseOptions options)
    {
        var result = DpNoise.Compute(latents, mi, options);
        Npy.Write(Path.Combine(directory, NoiseFileNames.DpNoise(target, mi)), result.FileVector(), result.Dimension);
        return result;
    }

    /// <summary>Writes ‖Z‖_F as a 0-d float64 array, as the original does, and returns it.</summary>
    public static double WriteL2Norm(string directory, NoiseTarget target, double[,] latents)
    {
        var norm = LatentStatistics.FrobeniusNorm(latents);
        Npy.WriteScalar(Path.Combine(directory, NoiseFileNames.L2Norm(target)), norm);
        return norm;
    }

    public static PacSpectrum WritePacStatistics(string directory, NoiseTarget target, double[,] latents)
    {
        var spectrum = PacSpectrum.Of(latents);
        Npy.Write(Path.Combine(directory, NoiseFileNames.Covariance(target)), spectrum.Covariance.ToArray());
        Npy.Write(Path.Combine(directory, NoiseFileNames.SvdU(target)), spectrum.U.ToArray());
        Npy.Write(Path.Combine(directory, NoiseFileNames.SvdS(target)), spectrum.S.ToArray(), spectrum.Dimension);
        Npy.Write(Path.Combine(directory, NoiseFileNames.SvdUt(target)), spectrum.Ut.ToArray());
        return spectrum;
    }

    public static double[] WritePacNoise(string directory, NoiseTarget target, PacSpectrum spectrum, double mi, NoiseFidelity fidelity)
    {
        var variances = spectrum.NoiseVariances(mi, fidelity);
        Npy.Write(Path.Combine(directory, NoiseFileNames.PacNoise(target, mi)), variances, variances.Length);
        return variances;
    }

    /// <summary>The d×d matrix A with noise = A·ε, read back from the files a noise unit wrote.</summary>
    public static double[,] LoadNoiseTransform(string directory, NoiseKind kind, NoiseTarget target, double mi, NoiseFidelity fidelity)
    {
        var files = NoiseFileNames.TransformFiles(kind, target, mi, fidelity);
        var diagonal = Npy.Read(Path.Combine(directory, files[0])).ToDoubles();
        return NoiseSampling.Transform(diagonal, files.Count > 1 ? Npy.Read(Path.Combine(directory, files[1])).ToMatrix() : null);
    }
}

/// <summary>Draws the Gaussian noise a file set describes; seeded, so the same seed gives the same draws everywhere.</summary>
public static class NoiseSampling
{
    /// <summary>A = B·diag(√v) (B = identity when <paramref name="basis"/> is null), so A·ε has covariance B·diag(v)·Bᵀ.</summary>
    public static double[,] Transform(double[] variances, double[,]? basis)
    {
        if (variances.Any(v => v < 0 || !double.IsFinite(v))) throw new InvalidDataException("noise file: variances must be finite and non-negative");
        var scale = Matrix<double>.Build.DenseOfDiagonalArray(variances.Select(Math.Sqrt).ToArray());
        if (basis is null) return scale.ToArray();
        if (basis.GetLength(0) != variances.Length || basis.GetLength(1) != variances.Length)
            throw new InvalidDataException($"noise basis: expected {variances.Length}×{variances.Length}, got {basis.GetLength(0)}×{basis.GetLength(1)}");
        return (Matrix<double>.Build.DenseOfArray(basis) * scale).ToArray();
    }

    /// <summary>
    /// Each row z_t plus an independent draw A·ε_t: ε from a Mersenne Twister seeded with <paramref name="seed"/>, or under
    /// <see cref="NoiseMode.Release"/> from the OS CSPRNG (<see cref="SecureGaussian"/>; the seed is then unused).
    /// </summary>
    public static double[,] AddNoise(double[,] latents, double[,] transform, int seed, NoiseMode mode = NoiseMode.Reproducible)
    {
        var d = latents.GetLength(1);
        if (transform.GetLength(0) != d || transform.GetLength(1) != d)
            throw new ArgumentException($"noise: latents have {d} columns but the noise transform is {transform.GetLength(0)}×{transform.GetLength(1)}");
        var eps = Matrix<double>.Build.Dense(latents.GetLength(0), d);
        if (mode == NoiseMode.Release)
        {
            var values = SecureGaussian.Sample(eps.RowCount * d, 1);
            for (var t = 0; t < eps.RowCount; t++)
                for (var j = 0; j < d; j++)
                    eps[t, j] = values[t * d + j];
        }
        else
        {
            var rng = new MathNet.Numerics.Random.MersenneTwister(seed);
            for (var t = 0; t < eps.RowCount; t++)
                for (var j = 0; j < d; j++)
                    eps[t, j] = MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1);
        }
        var z = Matrix<double>.Build.DenseOfArray(latents);
        return (z + eps * Matrix<double>.Build.DenseOfArray(transform).Transpose()).ToArray();
    }
}
