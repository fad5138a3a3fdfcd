using Privatar.Core;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Training.Noisy;

/// <summary>
/// What happens to each offloaded latent row before the cloud decodes it: optional L2 clipping to
/// <see cref="ClipBound"/> (corrected DP: the sensitivity the noise is calibrated to assumes every row lies in that
/// ball, as Privatar.Noise LatentStatistics.ClipRows does), then z + A·ε with ε ~ N(0, I) drawn from its own
/// generator seeded with <see cref="Seed"/> (under release: the OS CSPRNG, <see cref="PrivacyNoise"/>). The model's own latent sampling keeps the global generator, so the
/// clean part of a run is the same draw as the clean test's. Work is in float64; the result is cast back.
/// </summary>
public sealed class OffloadNoise : IDisposable
{
    readonly Tensor? _transformT;   // Aᵀ (d, d), float64: row-vector noise is ε·Aᵀ
    readonly PrivacyNoise _generator;

    /// <param name="transform">A (d×d) with noise = A·ε, as Privatar.Noise NoiseArtifacts.LoadNoiseTransform returns it; null adds none.</param>
    /// <param name="clipBound">clip each row to this L2 norm first (rows inside the ball are unchanged); null: no clipping.</param>
    public OffloadNoise(double[,]? transform, double? clipBound, long seed, NoiseMode mode = NoiseMode.Reproducible)
    {
        if (clipBound is { } c && !(c > 0)) throw new ArgumentException($"clip bound: expected a positive L2 norm, got {c}");
        if (transform is not null)
        {
            if (transform.GetLength(0) != transform.GetLength(1))
                throw new ArgumentException($"noise transform: expected a square matrix, got {transform.GetLength(0)}×{transform.GetLength(1)}");
            foreach (var a in transform)
                if (!double.IsFinite(a)) throw new ArgumentException("noise transform: every entry must be finite");
            using var a64 = tensor(transform, ScalarType.Float64);
            _transformT = a64.t().contiguous();
        }
        ClipBound = clipBound;
        Seed = seed;
        _generator = new PrivacyNoise(mode, unchecked((ulong)seed));
    }

    public double? ClipBound { get; }
    public long Seed { get; }
    public int? Dimension => _transformT is null ? null : (int)_transformT.shape[0];

    /// <summary>Rows clipped (if asked) and noised: a new (B, d) tensor of <paramref name="z"/>'s dtype.</summary>
    public Tensor Apply(Tensor z)
    {
        if (z.dim() != 2) throw new ArgumentException($"offloaded latent: expected (batch, d), got [{string.Join(",", z.shape)}]");
        if (Dimension is { } d && z.shape[1] != d)
            throw new ArgumentException($"noise: the latent has {z.shape[1]} dimensions but the noise transform is {d}×{d}");
        using var scope = NewDisposeScope();
        var x = z.to(ScalarType.Float64);
        if (ClipBound is { } c) x = ClipRows(x, c);
        if (_transformT is not null)
        {
            var eps = _generator.Gaussian(z.shape, 1, ScalarType.Float64);
            x = x + eps.matmul(_transformT);
        }
        return x.to(z.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>Each row with L2 norm above <paramref name="bound"/> scaled onto the sphere of that radius; the others unchanged.</summary>
    public static Tensor ClipRows(Tensor x, double bound)
    {
        using var scope = NewDisposeScope();
        using var b = bound.ToScalar();   // explicit: an implicit Scalar may be finalised mid-call
        var norms = x.norm(1, keepdim: true);
        var scale = where(norms.gt(b), norms.reciprocal().mul(b), ones_like(norms));
        return (x * scale).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        _transformT?.Dispose();
        _generator.Dispose();
    }
}
