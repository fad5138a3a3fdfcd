using MathNet.Numerics.LinearAlgebra;

namespace Privatar.Synthesis.Metrics;

/// <summary>
/// Kernel Inception Distance's estimator on any features: the unbiased MMD² with the cubic polynomial kernel
/// k(x, y) = (xᵀy / d + 1)³, averaged over random subsets (torchmetrics: 100 subsets of 1000, each set drawn without
/// replacement inside a subset, real and generated independently). The spread is the population standard deviation
/// of the subset values, as torchmetrics reports it. Subsets come from a seeded generator, so the result is fixed.
/// </summary>
public static class Kid
{
    public sealed record Result(double Mean, double Std, int Subsets, int SubsetSize);

    public static Result Compute(Matrix<double> real, Matrix<double> fake, int subsets, int subsetSize, int seed)
    {
        if (real.ColumnCount != fake.ColumnCount)
            throw new ArgumentException($"KID: feature widths differ ({real.ColumnCount} and {fake.ColumnCount})");
        if (subsets < 1) throw new ArgumentException($"KID: subsets must be >= 1, got {subsets}");
        if (subsetSize < 2 || subsetSize > real.RowCount || subsetSize > fake.RowCount)
            throw new ArgumentException(
                $"KID: subset size {subsetSize} must be at least 2 and at most both set sizes ({real.RowCount} real, {fake.RowCount} generated)");
        var random = new Random(seed);
        var values = new double[subsets];
        for (var s = 0; s < subsets; s++)
            values[s] = UnbiasedMmd2(Rows(real, Draw(random, real.RowCount, subsetSize)), Rows(fake, Draw(random, fake.RowCount, subsetSize)));
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        return new Result(mean, std, subsets, subsetSize);
    }

    /// <summary>(Σ_{i≠j} k(xᵢ,xⱼ) + Σ_{i≠j} k(yᵢ,yⱼ)) / (m(m−1)) − 2 Σ k(xᵢ,yⱼ) / m², for equal-sized x and y.</summary>
    public static double UnbiasedMmd2(Matrix<double> x, Matrix<double> y)
    {
        var m = x.RowCount;
        if (y.RowCount != m) throw new ArgumentException($"KID: subsets must have equal sizes, got {m} and {y.RowCount}");
        var gamma = 1.0 / x.ColumnCount;
        double OffDiagonal(Matrix<double> k) => k.Enumerate().Sum() - k.Diagonal().Sum();
        var kxx = Kernel(x, x, gamma);
        var kyy = Kernel(y, y, gamma);
        var kxy = Kernel(x, y, gamma);
        return (OffDiagonal(kxx) + OffDiagonal(kyy)) / ((double)m * (m - 1)) - 2 * kxy.Enumerate().Sum() / ((double)m * m);
    }

    static Matrix<double> Kernel(Matrix<double> a, Matrix<double> b, double gamma) =>
        a.TransposeAndMultiply(b).Map(v => { var t = gamma * v + 1; return t * t * t; });

    /// <summary>A uniform draw of k distinct indices out of n (partial Fisher-Yates).</summary>
    static int[] Draw(Random random, int n, int k)
    {
        var idx = Enumerable.Range(0, n).ToArray();
        for (var i = 0; i < k; i++)
        {
            var j = random.Next(i, n);
            (idx[i], idx[j]) = (idx[j], idx[i]);
        }
        return idx[..k];
    }

    static Matrix<double> Rows(Matrix<double> m, int[] rows) => Matrix<double>.Build.Dense(rows.Length, m.ColumnCount, (r, c) => m[rows[r], c]);
}
