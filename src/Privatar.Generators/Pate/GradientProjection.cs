using static TorchSharp.torch;

namespace Privatar.Generators.Pate;

/// <summary>
/// G-PATE's gradient compression: each teacher's per-sample gradient (scaled to unit L2 norm, our choice so that one
/// bin range fits every step) is projected by a Gaussian matrix P (k × D, entries N(0, 1); the generator draws a fresh one every step, so that
/// over the run the student's updates are not confined to one k-dimensional subspace) to k dimensions, and
/// each projected value is discretised into one of <see cref="Bins"/> equal bins over [−range, range] (values outside
/// fall in the end bins). The aggregated bin centres are mapped back by Pᵀ/k, an unbiased inverse since E[PᵀP] = k·I.
/// </summary>
public sealed class GradientProjection : IDisposable
{
    public GradientProjection(Tensor matrix, int bins, double range)
    {
        if (matrix.dim() != 2) throw new ArgumentException($"projection matrix: expected (k, D), got ({string.Join(", ", matrix.shape)})");
        if (bins < 2) throw new ArgumentException($"bins: expected >= 2, got {bins}");
        if (!(range > 0)) throw new ArgumentException($"bin range: expected > 0, got {range}");
        (Matrix, Bins, Range) = (matrix.to_type(ScalarType.Float32).detach(), bins, range);
    }

    /// <summary>A k × D matrix of N(0, 1) entries drawn from <paramref name="rng"/>.</summary>
    public static GradientProjection Random(int dims, int pixels, int bins, double range, Generator rng) =>
        new(randn([dims, pixels], generator: rng), bins, range);

    public Tensor Matrix { get; }
    public int Bins { get; }
    public double Range { get; }
    public long Dims => Matrix.shape[0];

    /// <summary>Gradients (..., D) → projections (..., k) of their unit-norm directions (a zero gradient stays zero).</summary>
    public Tensor Project(Tensor gradients)
    {
        var norm = gradients.norm(-1, keepdim: true).clamp_min(1e-12);
        return (gradients / norm).matmul(Matrix.t());
    }

    /// <summary>Projected values → bin indices (int64, same shape) in 0..Bins−1.</summary>
    public Tensor Discretise(Tensor projected)
    {
        var width = 2 * Range / Bins;
        return ((projected + Range) / width).floor().clamp(0, Bins - 1).to_type(ScalarType.Int64);
    }

    /// <summary>The centre of each bin: −range + (b + ½)·width.</summary>
    public Tensor Centres(Tensor bins) => (bins.to_type(ScalarType.Float32) + 0.5) * (2 * Range / Bins) - Range;

    /// <summary>Per-(sample, dimension) vote histograms from bin indices (T, B, k): counts (B, k, Bins).</summary>
    public Tensor Histograms(Tensor bins) =>
        nn.functional.one_hot(bins, Bins).sum(0L).to_type(ScalarType.Float32);

    /// <summary>Aggregated projected values (B, k) back to pixel space (B, D): Pᵀv / k for each row v.</summary>
    public Tensor BackProject(Tensor values) => values.matmul(Matrix) / Dims;

    public void Dispose() => Matrix.Dispose();
}
