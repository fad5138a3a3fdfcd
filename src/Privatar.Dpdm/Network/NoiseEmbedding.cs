using static TorchSharp.torch;

namespace Privatar.Dpdm.Network;

/// <summary>Transformer sinusoidal embedding of the (continuous) noise input (layers.get_timestep_embedding, max 10000).</summary>
static class NoiseEmbedding
{
    /// <summary>(N) → (N, dim): [sin(t·e_j), cos(t·e_j)] with e_j = exp(−j·ln(10000)/(dim/2 − 1)).</summary>
    public static Tensor Positional(Tensor t, int dim)
    {
        var half = dim / 2;
        var rate = Math.Log(10000) / (half - 1);
        var freqs = exp(arange(half, dtype: t.dtype, device: t.device) * -rate);
        var arg = t.unsqueeze(1) * freqs.unsqueeze(0);
        return cat([sin(arg), cos(arg)], 1);
    }
}
