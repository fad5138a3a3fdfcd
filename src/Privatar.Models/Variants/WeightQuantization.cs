using Privatar.Models.Layers;
using static TorchSharp.torch;

namespace Privatar.Models.Variants;

/// <summary>
/// Weight-only symmetric fake quantization of the texture-decoder deconvs (§3.2), applied in place outside autograd
/// before every training step. Scales are per slice along dim 0 of the [cin, cout, k, k] weight (the input channel,
/// which the original calls the output channel), zero point 0, scale = max(|W_eff|.max, 5e-7) / (2^(b-1) - 1).
/// Original: writes q·scale·||W||_F / g back into W using the OLD norm, so after renormalisation the effective weight
/// is only approximately on the grid. Corrected: writes W = q·scale and sets every g to ||W_new||_F, so the effective
/// weight W·g/||W||_F is exactly q·scale.
/// </summary>
public static class WeightQuantization
{
    public static void Project(TextureDecoder decoder, int bits, Fidelity fidelity)
    {
        foreach (var layer in decoder.Deconvs) Project(layer.Deconv, bits, fidelity);
    }

    public static void Project(ConvTranspose2dWN layer, int bits, Fidelity fidelity)
    {
        if (bits < 2 || bits > 16) throw new ArgumentException($"bits: expected 2..16, got {bits}");
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var qmax = (1 << (bits - 1)) - 1;
        var qmin = -(1 << (bits - 1));
        var norm = layer.Weight.pow(2).sum().sqrt();
        var eff = layer.EffectiveWeight();                                            // (cin, cout, k, k)
        var maxAbs = eff.abs().amax(new long[] { 1, 2, 3 }, keepdim: true).clamp_min(5e-7);   // per dim-0 slice
        var scale = maxAbs / qmax;
        var q = (eff / scale).round().clamp(qmin, qmax);
        var onGrid = q * scale;
        if (fidelity == Fidelity.Original)
        {
            layer.Weight.copy_(onGrid * norm / layer.Gain.view(1, -1, 1, 1));
        }
        else
        {
            layer.Weight.copy_(onGrid);
            // A tensor copy, not fill_(number): a number becomes a native Scalar that nothing keeps alive during the call
            // (see NoGc); one fewer such Scalar per step. Bytes are the same either way.
            layer.Gain.copy_(onGrid.pow(2).sum().sqrt().expand_as(layer.Gain));
        }
    }

    /// <summary>Distinct effective-weight levels per dim-0 slice; at most 2^bits for a quantized layer (test helper).</summary>
    public static int MaxLevelsPerSlice(ConvTranspose2dWN layer)
    {
        using var _ = no_grad();
        using var eff = layer.EffectiveWeight();
        var max = 0;
        for (long i = 0; i < eff.shape[0]; i++)
        {
            using var slice = eff[i].flatten();
            var values = slice.data<float>().ToArray();
            var maxAbs = values.Max(Math.Abs);
            // Distinct up to float noise: bucket at 1e-4 of the slice's range.
            var levels = values.Select(v => Math.Round(v / (maxAbs + 1e-12) * 1e4)).Distinct().Count();
            max = Math.Max(max, levels);
        }
        return max;
    }
}
