using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Models.Layers;

/// <summary>
/// The original initialisation (§2.2): uniform weights with std = gain * sqrt(2 / ((n_in + n_out) * ksize)),
/// gain = sqrt(2 / (1 + alpha^2)); zero biases; deconvs copy the [0::2, 0::2] taps to the other three stride
/// phases; and g is set to ||W||_F, so the effective weight equals W at init.
/// </summary>
public static class Glorot
{
    /// <summary>LeakyReLU slope used for every layer except the few the original initialises with 1.0.</summary>
    public const double DefaultAlpha = 0.2;

    public static void Init(IWeightNormLayer layer, double alpha, Generator? generator)
    {
        using var _ = no_grad();
        var (nIn, nOut, ksize) = layer.GlorotFans;
        var gain = Math.Sqrt(2.0 / (1.0 + alpha * alpha));
        var std = gain * Math.Sqrt(2.0 / ((nIn + nOut) * ksize));
        var bound = std * Math.Sqrt(3.0);
        var w = layer.Weight;
        w.copy_(rand(w.shape, generator: generator) * (2 * bound) - bound);
        if (layer is ConvTranspose2dWN)
        {
            // Tap (y, x) takes the value of tap (2*(y/2), 2*(x/2)): hard-coded for stride 2, as in the original.
            using var phase0 = w[.., .., TensorIndex.Slice(0, null, 2), TensorIndex.Slice(0, null, 2)];
            using var spread = phase0.repeat_interleave(2, 2).repeat_interleave(2, 3);
            w.copy_(spread);
        }
        layer.Bias.zero_();
        using var norm = w.pow(2).sum().sqrt();
        layer.Gain.fill_(norm.item<float>());
    }

    /// <summary>Initialises every weight-normalised layer under <paramref name="root"/> with <paramref name="alpha"/>.</summary>
    public static void InitAll(nn.Module root, double alpha, Generator? generator)
    {
        foreach (var (_, m) in root.named_modules())
            if (m is IWeightNormLayer layer) Init(layer, alpha, generator);
    }
}
