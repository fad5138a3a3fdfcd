using MathNet.Numerics.LinearAlgebra;

namespace Privatar.Synthesis.Metrics;

/// <summary>
/// Precision and recall (Kynkäänniemi et al. 2019) and density and coverage (Naeem et al. 2020) on k-NN manifolds,
/// with the conventions of clovaai/generative-evaluation-prdc: a point's radius is its distance to its k-th nearest
/// neighbour in its own set, and "inside" is strictly less than the radius.
/// <list type="bullet">
/// <item>precision: the fraction of generated points inside some real ball;</item>
/// <item>recall: the fraction of real points inside some generated ball;</item>
/// <item>density: (1 / kM) Σ over generated points of the number of real balls containing it;</item>
/// <item>coverage: the fraction of real balls that contain a generated point.</item>
/// </list>
/// Distances are computed in row blocks (at most <see cref="BlockRows"/> × N at a time), so 10k × 10k sets need no
/// 800 MB matrix.
/// </summary>
public static class Prdc
{
    public sealed record Result(double Precision, double Recall, double Density, double Coverage, int K);

    public const int BlockRows = 512;

    public static Result Compute(Matrix<double> real, Matrix<double> fake, int k)
    {
        if (real.ColumnCount != fake.ColumnCount)
            throw new ArgumentException($"PRDC: feature widths differ ({real.ColumnCount} and {fake.ColumnCount})");
        if (k < 1 || k >= real.RowCount || k >= fake.RowCount)
            throw new ArgumentException($"PRDC: k = {k} must be at least 1 and below both set sizes ({real.RowCount} real, {fake.RowCount} generated)");
        var realRadii = KthNeighbourDistances(real, k);
        var fakeRadii = KthNeighbourDistances(fake, k);
        var inRealBall = new bool[fake.RowCount];     // precision
        var realBallsHolding = new long[fake.RowCount]; // density
        var inFakeBall = new bool[real.RowCount];     // recall
        var covered = new bool[real.RowCount];        // coverage
        ForEachDistanceBlock(real, fake, (first, block) =>
        {
            for (var r = 0; r < block.RowCount; r++)
            {
                var i = first + r;
                for (var j = 0; j < block.ColumnCount; j++)
                {
                    var d = block[r, j];
                    if (d < realRadii[i]) { inRealBall[j] = true; realBallsHolding[j]++; covered[i] = true; }
                    if (d < fakeRadii[j]) inFakeBall[i] = true;
                }
            }
        });
        return new Result(
            Fraction(inRealBall),
            Fraction(inFakeBall),
            realBallsHolding.Sum() / ((double)k * fake.RowCount),
            Fraction(covered),
            k);
    }

    /// <summary>Each row's distance to its k-th nearest other row (the row itself, at distance 0, is not counted).</summary>
    public static double[] KthNeighbourDistances(Matrix<double> x, int k)
    {
        var radii = new double[x.RowCount];
        var smallest = new double[k + 1];
        ForEachDistanceBlock(x, x, (first, block) =>
        {
            for (var r = 0; r < block.RowCount; r++)
            {
                // the k+1 smallest of the row, itself included (prdc: np.partition(d, k)[k])
                Array.Fill(smallest, double.PositiveInfinity);
                for (var j = 0; j < block.ColumnCount; j++)
                {
                    var d = j == first + r ? 0 : block[r, j];
                    if (d >= smallest[k]) continue;
                    var p = k;
                    while (p > 0 && smallest[p - 1] > d) { smallest[p] = smallest[p - 1]; p--; }
                    smallest[p] = d;
                }
                radii[first + r] = smallest[k];
            }
        });
        return radii;
    }

    /// <summary>Euclidean distances between a block of rows of <paramref name="a"/> and every row of <paramref name="b"/>.</summary>
    static void ForEachDistanceBlock(Matrix<double> a, Matrix<double> b, Action<int, Matrix<double>> visit)
    {
        var bNorms = b.RowNorms(2).PointwisePower(2);
        for (var first = 0; first < a.RowCount; first += BlockRows)
        {
            var rows = Math.Min(BlockRows, a.RowCount - first);
            var block = a.SubMatrix(first, rows, 0, a.ColumnCount);
            var aNorms = block.RowNorms(2).PointwisePower(2);
            var gram = block.TransposeAndMultiply(b);
            var dist = Matrix<double>.Build.Dense(rows, b.RowCount, (r, j) => Math.Sqrt(Math.Max(aNorms[r] + bNorms[j] - 2 * gram[r, j], 0)));
            visit(first, dist);
        }
    }

    static double Fraction(bool[] flags) => flags.Count(f => f) / (double)flags.Length;
}
