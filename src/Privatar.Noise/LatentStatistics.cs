using MathNet.Numerics.LinearAlgebra;

namespace Privatar.Noise;

/// <summary>Statistics of a T×d latent matrix (one latent code per row).</summary>
public static class LatentStatistics
{
    /// <summary>‖Z‖_F: the original's DP "sensitivity" (np.linalg.norm of the whole matrix).</summary>
    public static double FrobeniusNorm(double[,] latents) => Matrix<double>.Build.DenseOfArray(latents).FrobeniusNorm();

    public static double[] RowNorms(double[,] latents)
    {
        var m = Matrix<double>.Build.DenseOfArray(latents);
        return m.RowNorms(2.0).ToArray();
    }

    /// <summary>Each row scaled to L2 norm at most <paramref name="bound"/> (rows inside the ball are unchanged).</summary>
    public static double[,] ClipRows(double[,] latents, double bound)
    {
        if (!(bound > 0)) throw new ArgumentException($"clip bound: expected a positive L2 norm, got {bound}");
        var clipped = (double[,])latents.Clone();
        var norms = RowNorms(latents);
        for (var t = 0; t < norms.Length; t++)
        {
            if (norms[t] <= bound) continue;
            var scale = bound / norms[t];
            for (var j = 0; j < clipped.GetLength(1); j++) clipped[t, j] *= scale;
        }
        return clipped;
    }

    /// <summary>Sample covariance with columns as variables and the N−1 divisor, as np.cov(Z, rowvar=False).</summary>
    public static Matrix<double> Covariance(double[,] latents)
    {
        var rows = latents.GetLength(0);
        if (rows < 2) throw new ArgumentException($"latents: a covariance needs at least 2 rows, got {rows}");
        var z = Matrix<double>.Build.DenseOfArray(latents);
        var mean = z.ColumnSums() / rows;
        var centered = z - Matrix<double>.Build.Dense(rows, z.ColumnCount, (_, j) => mean[j]);
        var cov = centered.TransposeThisAndMultiply(centered) / (rows - 1);
        return (cov + cov.Transpose()) / 2; // exact symmetry, so the SVD is an eigendecomposition to rounding
    }

    /// <summary>Widens a flat C-ordered T×d float32 array (e.g. a latent batch from the model) to a matrix.</summary>
    public static double[,] ToMatrix(float[] flat, int rows, int cols) => ToMatrix(Array.ConvertAll(flat, x => (double)x), rows, cols);

    /// <summary>Copies a flat C-ordered T×d float64 array (e.g. from a .npy file) to a matrix.</summary>
    public static double[,] ToMatrix(double[] flat, int rows, int cols)
    {
        if (flat.Length != rows * cols) throw new ArgumentException($"latents: {flat.Length} values do not fill {rows}×{cols}");
        var m = new double[rows, cols];
        Buffer.BlockCopy(flat, 0, m, 0, flat.Length * sizeof(double));
        return m;
    }
}
