using Privatar.Models.Layers;
using TorchSharp;
using static TorchSharp.torch;
using Privatar.Contracts;

namespace Privatar.Models.Variants;

/// <summary>
/// L1 channel pruning of the texture-decoder deconvs (§3.3), producing genuinely narrower layers. Every deconv output
/// except the final image output loses int(r·cout) channels with the smallest L1 norm (sum |W| over cin, kh, kw);
/// the next deconv's input channels and the texel biases are sliced to match.
/// Original: copies |W| (the code copies weight.abs()), resets g to 1 and re-initialises the deconv bias the PyTorch
/// default way, for every touched deconv. Corrected: keeps the signed effective weights of the kept channels exactly
/// (W = W_eff slice, g = ||W||_F) and slices the biases, so the pruned net computes the same kept channels.
/// </summary>
public static class ChannelPruning
{
    /// <summary>Kept output width after pruning int(ratio·c) channels.</summary>
    public static long Kept(long channels, double ratio) => channels - (long)(ratio * channels);

    /// <summary>The decoder stage table after pruning (shapes only; no weights).</summary>
    public static UpStage[] PrunedStages(IReadOnlyList<UpStage> stages, double ratio)
    {
        if (ratio < 0 || ratio >= 1) throw new ArgumentException($"sparsity: expected a ratio in [0, 1), got {ratio}");
        var result = new UpStage[stages.Count];
        long input = stages[0].In;
        for (var i = 0; i < stages.Count; i++)
        {
            var hidden = Kept(stages[i].Hidden, ratio);
            var output = i == stages.Count - 1 ? stages[i].Out : Kept(stages[i].Out, ratio);
            result[i] = stages[i] with { In = input, Hidden = hidden, Out = output };
            input = output;
        }
        return result;
    }

    /// <summary>A new, narrower model holding <paramref name="source"/>'s weights (pruned as described above).</summary>
    public static DeepAppearanceVae Prune(DeepAppearanceVae source, double ratio, Generator? generator = null)
    {
        var fidelity = source.Config.Fidelity;
        var srcDecoder = source.Decoder.TextureDecoder;
        var pruned = new DeepAppearanceVae(source.Config, VaeVariant.Sparse, PrunedStages(srcDecoder.Stages, ratio));
        using var _ = no_grad();
        // Everything outside the texture decoder is copied by name.
        var target = pruned.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, p) in source.named_parameters())
            if (!name.StartsWith("dec.texture_decoder.", StringComparison.Ordinal)) target[name].copy_(p);

        var srcLayers = srcDecoder.Deconvs.ToArray();
        var dstLayers = pruned.Decoder.TextureDecoder.Deconvs.ToArray();
        Tensor? keptIn = null;
        for (var i = 0; i < srcLayers.Length; i++)
        {
            var (src, dst) = (srcLayers[i].Deconv, dstLayers[i].Deconv);
            var keptOut = i == srcLayers.Length - 1
                ? arange(src.OutChannels, dtype: int64)
                : KeepIndices(src.Weight, dst.OutChannels);
            var w = fidelity == Fidelity.Original ? src.Weight.abs() : src.EffectiveWeight();
            if (keptIn is not null) w = w.index_select(0, keptIn);
            w = w.index_select(1, keptOut);
            dst.Weight.copy_(w);
            dstLayers[i].TexelBias.copy_(srcLayers[i].TexelBias.index_select(1, keptOut));
            if (fidelity == Fidelity.Original)
            {
                dst.Gain.fill_(1.0f);
                var bound = 1.0 / Math.Sqrt(dst.OutChannels * dst.Kernel * dst.Kernel);   // PyTorch's default fan_in for [cin, cout, k, k]
                dst.Bias.copy_(rand(dst.OutChannels, generator: generator) * (2 * bound) - bound);
            }
            else
            {
                dst.Gain.fill_(w.pow(2).sum().sqrt().item<float>());
                dst.Bias.copy_(src.Bias.index_select(0, keptOut));
            }
            keptIn?.Dispose();
            keptIn = keptOut;
        }
        keptIn?.Dispose();
        return pruned;
    }

    /// <summary>Indices (ascending) of the <paramref name="keep"/> output channels with the largest L1 norm.</summary>
    static Tensor KeepIndices(Tensor weight, long keep)
    {
        using var l1 = weight.abs().sum(new long[] { 0, 2, 3 });          // (cout)
        var (_, idx) = l1.topk((int)keep, largest: true, sorted: false);
        using (idx) return idx.sort().Values;
    }
}
