using static TorchSharp.torch;

namespace Privatar.Generators.Psg;

/// <summary>
/// The layer-wise gradient-matching distance of Dataset Condensation ('gm'), which PSG minimises: for every weight
/// gradient, rows are output channels (a conv's (out, in, kh, kw) viewed as (out, in·kh·kw)); the layer contributes
/// Σ_rows (1 − ⟨a, b⟩ / (‖a‖‖b‖ + 1e-6)). One-dimensional gradients (biases) contribute nothing.
/// </summary>
public static class GradientMatching
{
    public static Tensor Distance(IReadOnlyList<Tensor> synthetic, IReadOnlyList<Tensor> real)
    {
        if (synthetic.Count != real.Count) throw new ArgumentException($"gradient lists: {synthetic.Count} synthetic, {real.Count} real, expected equal");
        Tensor? total = null;
        for (var i = 0; i < synthetic.Count; i++)
        {
            var layer = Layer(synthetic[i], real[i]);
            if (layer is not null) total = total is null ? layer : total + layer;
        }
        return total ?? zeros(1).squeeze();
    }

    static Tensor? Layer(Tensor s, Tensor r)
    {
        if (!s.shape.SequenceEqual(r.shape))
            throw new ArgumentException($"gradient shapes ({string.Join(", ", s.shape)}) and ({string.Join(", ", r.shape)}) differ");
        if (s.dim() == 1) return null;
        var (a, b) = (s.reshape(s.shape[0], -1), r.reshape(r.shape[0], -1));
        var cos = (a * b).sum(-1) / (a.norm(-1, keepdim: false, p: 2) * b.norm(-1, keepdim: false, p: 2) + 1e-6);
        return (1 - cos).sum();
    }
}
