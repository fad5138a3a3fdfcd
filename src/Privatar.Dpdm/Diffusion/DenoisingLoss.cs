using static TorchSharp.torch;

namespace Privatar.Dpdm.Diffusion;

/// <summary>
/// DPDM's per-example loss with noise multiplicity K: ℓ_i = (1/K) Σ_k mean_pixels[w(σ_ik)(D(x_i + σ_ik n_ik; σ_ik, y_i) − x_i)²].
/// The K rows of an example are consecutive (example-major), so per-row gradients sum to the example's gradient,
/// which is what the DP engine clips. The noise travels in the batch, so every gradient route sees the same draws.
/// </summary>
public static class DenoisingLoss
{
    /// <summary>The batch the loss reads: images, labels (after CFG dropout), σ (B, K) and noises (B, K, C, H, W).</summary>
    public static Tensor[] Batch(Tensor x, Tensor labels, Tensor sigma, Tensor noise) => [x, labels, sigma, noise];

    /// <summary>Per-example losses (B) for a batch made by <see cref="Batch"/>.</summary>
    public static Tensor PerExample(Denoiser denoiser, NoiseLevels levels, IReadOnlyList<Tensor> batch)
    {
        var (x, labels, sigma, noise) = (batch[0], batch[1], batch[2], batch[3]);
        var b = x.shape[0];
        var k = sigma.shape[1];
        var image = x.shape.Skip(1).ToArray();
        var rowsShape = new long[] { b * k }.Concat(image).ToArray();
        var clean = x.unsqueeze(1).expand(new long[] { b, k }.Concat(image).ToArray()).reshape(rowsShape);
        var s = sigma.reshape(b * k, 1, 1, 1);
        var noisy = clean + s * noise.reshape(rowsShape);
        var d = denoiser.Denoise(noisy, s, labels.repeat_interleave(k));
        var rowLoss = (levels.Weight(s) * (d - clean).square()).reshape(b, k, -1).mean([2]);   // (B, K)
        return rowLoss.mean([1]);
    }
}
