using Privatar.Core;
using Privatar.Torch;
using static TorchSharp.torch;

namespace Privatar.Generators.DpMerf;

/// <summary>
/// The label-conditional kernel mean embedding μ = (1/N) Σ_i φ(x_i) ⊗ onehot(y_i), a (D, C) matrix. Each example adds
/// one unit-norm column entry, so replacing one example moves μ by at most 2/N in Frobenius norm (the paper's
/// replace-one sensitivity; N is public under that adjacency).
/// </summary>
public static class MeanEmbedding
{
    public const string Adjacency = "replace-one";

    public static double Sensitivity(long n) => n > 0 ? 2.0 / n : throw new ArgumentException($"N: expected > 0, got {n}");

    /// <summary>Σ_i φ(x_i) ⊗ e_{y_i} / N over images (N, ...) in [0, 1] and labels (N) int64, in chunks.</summary>
    public static Tensor Of(RandomFourierFeatures rff, Tensor images, Tensor labels, int classes, int chunk = 1000)
    {
        using var _ = no_grad();
        var n = images.shape[0];
        var sum = zeros([rff.Features, classes], dtype: rff.Frequencies.dtype);
        for (long s = 0; s < n; s += chunk)
        {
            using var scope = NewDisposeScope();
            var len = Math.Min(chunk, n - s);
            var phi = rff.Map(images.narrow(0, s, len).to_type(rff.Frequencies.dtype));
            var onehot = nn.functional.one_hot(labels.narrow(0, s, len), classes).to_type(phi.dtype);
            sum.add_(phi.t().mm(onehot));
        }
        return sum.div_(n);
    }

    /// <summary>The Gaussian mechanism, run once: μ + N(0, (σ · 2/N)²) on every entry (seeded, or the OS CSPRNG under release).</summary>
    public static Tensor Release(Tensor embedding, long n, double noiseMultiplier, ulong seed, NoiseMode mode = NoiseMode.Reproducible)
    {
        if (!(noiseMultiplier > 0)) throw new ArgumentException($"noise multiplier: expected > 0, got {noiseMultiplier}");
        using var g = new PrivacyNoise(mode, seed);
        using var noise = g.Gaussian(embedding.shape, noiseMultiplier * Sensitivity(n), ScalarType.Float64);
        return embedding + noise.to_type(embedding.dtype);
    }
}
