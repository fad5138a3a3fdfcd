using Privatar.Torch;
using static TorchSharp.torch;

namespace Privatar.Generators.Pate;

/// <summary>
/// DataLens's gradient compression and aggregation. Each teacher keeps the k coordinates of its per-sample gradient
/// largest in magnitude, scales them by the largest (so they lie in [−1, 1]; our choice of the clip, making it
/// scale-free) and quantises each kept value v to +1 with probability (1 + v)/2, else −1: an unbiased stochastic sign
/// of v. The votes are summed coordinate-wise, N(0, σ²) is added, and a coordinate whose noisy sum reaches the
/// threshold in magnitude releases its sign; the others release 0.
/// </summary>
public static class SignCompression
{
    /// <summary>Gradients (..., D) → k-sparse sign votes in {−1, 0, 1} (float32, same shape).</summary>
    public static Tensor TopKSign(Tensor gradients, int k, Generator rng)
    {
        var d = gradients.shape[^1];
        if (k < 1 || k > d) throw new ArgumentException($"top_k: expected 1..{d}, got {k}");
        var top = gradients.abs().topk(k, -1);
        var kept = gradients.gather(-1, top.indexes);
        var scaled = kept / kept.abs().max(-1, keepdim: true).values.clamp_min(1e-12);
        var signs = rand(scaled.shape, generator: rng).lt((scaled + 1) / 2).to_type(ScalarType.Float32) * 2 - 1;
        return zeros_like(gradients, dtype: ScalarType.Float32).scatter(-1, top.indexes, signs);
    }

    /// <summary>
    /// Votes (T, ..., D) → the released direction (..., D) in {−1, 0, 1}: sign of Σ_t votes + N(0, σ²) where its
    /// magnitude is at least <paramref name="threshold"/>. With σ = 0 and threshold ≤ 1 it is the coordinate-wise majority.
    /// </summary>
    public static Tensor Aggregate(Tensor votes, double sigma, double threshold, PrivacyNoise noise)
    {
        if (!(sigma >= 0)) throw new ArgumentException($"σ: expected >= 0, got {sigma}");
        var sum = votes.sum(0L).to_type(ScalarType.Float64);
        if (sigma > 0) sum = sum + noise.Gaussian(sum.shape, sigma, ScalarType.Float64);
        return (sum.sign() * sum.abs().ge(Math.Max(threshold, double.Epsilon))).to_type(ScalarType.Float32);
    }
}
