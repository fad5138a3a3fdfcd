using Privatar.Torch;
using static TorchSharp.torch;

namespace Privatar.Generators.GsWgan;

/// <summary>
/// GS-WGAN's sanitiser: the gradient of the generator's loss with respect to each generated image (the only thing the
/// generator learns from) is clipped to L2 norm C per image, then N(0, (σΔ)²) is added to every coordinate, where
/// Δ = <see cref="Sensitivity"/> is the L2 sensitivity of the whole (B, ...) block a step releases.
/// </summary>
public static class GradientSanitiser
{
    /// <summary>
    /// Δ = 2C√B. Adding or removing one private example changes one shard's discriminator arbitrarily, so each of the B
    /// clipped rows can move anywhere inside its C-ball (2C apart at most), and all B rows come from the same discriminator.
    /// </summary>
    public static double Sensitivity(double clip, int batch) => 2 * clip * Math.Sqrt(batch);

    /// <summary>Each row g_i of dimension 0 scaled by min(1, C / (‖g_i‖ + 1e-6)) (the same factor as DP-SGD's clip).</summary>
    public static Tensor Clip(Tensor grads, double clip)
    {
        if (!(clip > 0)) throw new ArgumentException($"clip: expected > 0, got {clip}");
        var norms = grads.flatten(1).norm(1, keepdim: false, p: 2);
        var f = (clip / (norms + 1e-6)).clamp_max(1.0);
        return grads * f.view([-1, .. Enumerable.Repeat(1L, (int)grads.dim() - 1)]);
    }

    /// <summary>Clipped rows plus N(0, (σ·2C√B)²) per coordinate, B = the number of rows.</summary>
    public static Tensor Sanitise(Tensor grads, double clip, double sigma, PrivacyNoise noise)
    {
        if (!(sigma >= 0)) throw new ArgumentException($"sigma: expected >= 0, got {sigma}");
        var clipped = Clip(grads, clip);
        var std = sigma * Sensitivity(clip, (int)grads.shape[0]);
        return std > 0 ? clipped + noise.Gaussian(grads.shape, std, grads.dtype, grads.device) : clipped;
    }
}
