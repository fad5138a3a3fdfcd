using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Engine;

/// <summary>One layer's per-example gradient norms² and its clipped-sum contractions.</summary>
sealed record LayerGrads(Tensor SquaredNorms, Func<Tensor, Tensor> WeightSum, Func<Tensor, Tensor?> BiasSum);

/// <summary>
/// Per-example gradient formulas for Linear and Conv2d from activations A and output gradients B
/// (Opacus grad_sample/linear.py and conv.py). f is the (n) vector of clip factors.
/// </summary>
static class PerSampleGrads
{
    public static LayerGrads Of(HookedLayer layer, Tensor a, Tensor b) =>
        layer.Conv is null
            ? (a.dim() == 2 ? Linear2d(layer, a, b) : LinearNd(layer, a, b))
            : Conv2d(layer, a, b);

    /// <summary>Ghost norm: ‖B_i Aᵢᵀ‖² = ‖B_i‖²‖A_i‖², and Σ f_i B_i A_iᵀ = (f⊙B)ᵀA.</summary>
    static LayerGrads Linear2d(HookedLayer layer, Tensor a, Tensor b)
    {
        var bsq = b.square().sum(1);                                           // (n)
        var sq = bsq * a.square().sum(1);
        if (layer.Bias is not null) sq += bsq;
        return new LayerGrads(sq,
            f => (b * f.unsqueeze(1)).t().mm(a),                              // (out, in)
            f => layer.Bias is null ? null : (b * f.unsqueeze(1)).sum(dim: 0));    // (out)
    }

    /// <summary>Sequence-shaped Linear input (n, ..., in): per-example gradients materialised as (n, out, in).</summary>
    static LayerGrads LinearNd(HookedLayer layer, Tensor a, Tensor b)
    {
        var n = a.shape[0];
        var a3 = a.reshape(n, -1, a.shape[^1]);                                 // (n, T, in)
        var b3 = b.reshape(n, -1, b.shape[^1]);                                 // (n, T, out)
        var gw = einsum("nto,nti->noi", b3, a3);
        var gb = layer.Bias is null ? null : b3.sum(1);                         // (n, out)
        return Materialised(layer, gw, gb);
    }

    /// <summary>Unfold A to (n, C_in·kh·kw, L); gW_i = B_i A_uᵢᵀ with B reshaped to (n, C_out, L).</summary>
    static LayerGrads Conv2d(HookedLayer layer, Tensor a, Tensor b)
    {
        var conv = layer.Conv!;
        var n = a.shape[0];
        var k = conv.kernel_size;
        var au = nn.functional.unfold(a, (k[0], k[1]),
            dilation: (conv.dilation[0], conv.dilation[1]),
            padding: (conv.padding![0], conv.padding[1]),
            stride: (conv.stride[0], conv.stride[1]));                          // (n, C_in·kh·kw, L)
        var b3 = b.reshape(n, b.shape[1], -1);                                  // (n, C_out, L)
        var gw = einsum("nol,npl->nop", b3, au);                                // (n, C_out, C_in·kh·kw)
        var gb = layer.Bias is null ? null : b3.sum(2);                         // (n, C_out)
        return Materialised(layer, gw, gb);
    }

    static LayerGrads Materialised(HookedLayer layer, Tensor gw, Tensor? gb)
    {
        var sq = gw.square().sum([1, 2]);
        if (gb is not null) sq += gb.square().sum(1);
        var shape = layer.Weight.shape;
        return new LayerGrads(sq,
            f => einsum("n,nop->op", f, gw).reshape(shape),
            f => gb is null ? null : einsum("n,no->o", f, gb));
    }
}
