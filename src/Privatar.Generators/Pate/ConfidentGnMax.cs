using Privatar.Torch;
using static TorchSharp.torch;

namespace Privatar.Generators.Pate;

/// <summary>
/// Confident-GNMax (Papernot et al. 2018) over a batch of vote histograms (Q, bins): a query is answered when its
/// largest count plus N(0, σ1²) reaches the threshold, and the answer is the argmax of the counts plus N(0, σ2²).
/// With both σ zero it is the plain majority vote (ties to the lowest bin) behind an exact threshold.
/// </summary>
public static class ConfidentGnMax
{
    /// <summary>(answered (Q) bool, winning bin (Q) int64); every query draws both noises, answered or not.</summary>
    public static (Tensor Answered, Tensor Winner) Aggregate(Tensor histograms, double sigma1, double sigma2, double threshold, PrivacyNoise noise)
    {
        if (histograms.dim() != 2) throw new ArgumentException($"histograms: expected (queries, bins), got ({string.Join(", ", histograms.shape)})");
        if (!(sigma1 >= 0 && sigma2 >= 0)) throw new ArgumentException($"σ1, σ2: expected >= 0, got {sigma1}, {sigma2}");
        var counts = histograms.to_type(ScalarType.Float64);
        var check = counts.max(1).values;
        if (sigma1 > 0) check = check + noise.Gaussian([counts.shape[0]], sigma1, ScalarType.Float64);
        var noisy = sigma2 > 0 ? counts + noise.Gaussian(counts.shape, sigma2, ScalarType.Float64) : counts;
        return (check >= threshold, noisy.argmax(1));
    }
}
