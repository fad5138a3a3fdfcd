using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Engine;

/// <summary>One layer's per-example gradient norms² and its clipped-sum contractions.</summary>
/// <see cref="NeedsCapture"/>: the sums read the layer's captured input and output gradient, which must then outlive them.
sealed record LayerGrads(Tensor SquaredNorms, Func<Tensor, Tensor> WeightSum, Func<Tensor, Tensor?> BiasSum, bool NeedsCapture = false);

/// <summary>
/// Per-example gradient formulas from a layer's input A and output gradient B (Opacus grad_sample/linear.py,
/// conv.py, group_norm.py, embedding.py). A and B have n·K rows for n examples (K consecutive rows each); an
/// example's gradient is the sum of its rows' gradients. f is the (n) vector of clip factors.
/// </summary>
static class PerSampleGrads
{
    public static LayerGrads Of(HookedLayer layer, Tensor a, Tensor b, long n)
    {
        if (n <= 0 || a.shape[0] % n != 0)
            throw new InvalidOperationException($"layer '{layer.Name}' saw {a.shape[0]} rows for {n} examples; expected a multiple");
        return layer.Module switch
        {
            Conv2d conv => Conv2d(layer, conv, a, b, n),
            GroupNorm norm => GroupNorm(layer, norm, a, b, n),
            TorchSharp.Modules.Embedding => Embedding(layer, a, b, n),
            _ => a.dim() == 2 && a.shape[0] == n ? Linear2d(layer, a, b) : LinearNd(layer, a, b, n),
        };
    }

    /// <summary>Ghost norm: ‖B_i Aᵢᵀ‖² = ‖B_i‖²‖A_i‖², and Σ f_i B_i A_iᵀ = (f⊙B)ᵀA.</summary>
    static LayerGrads Linear2d(HookedLayer layer, Tensor a, Tensor b)
    {
        var bsq = b.square().sum(1);                                           // (n)
        var sq = bsq * a.square().sum(1);
        if (layer.Bias is not null) sq += bsq;
        return new LayerGrads(sq,
            f => (b * f.unsqueeze(1)).t().mm(a),                              // (out, in)
            f => layer.Bias is null ? null : (b * f.unsqueeze(1)).sum(dim: 0),     // (out)
            NeedsCapture: true);
    }

    /// <summary>Rows or sequence positions per example (n, T, in): per-example gradients materialised as (n, out, in).</summary>
    static LayerGrads LinearNd(HookedLayer layer, Tensor a, Tensor b, long n)
    {
        var a3 = a.reshape(n, -1, a.shape[^1]);                                 // (n, K·T, in)
        var b3 = b.reshape(n, -1, b.shape[^1]);                                 // (n, K·T, out)
        var gw = einsum("nto,nti->noi", b3, a3);
        var gb = layer.Bias is null ? null : b3.sum(1);                         // (n, out)
        return Materialised(layer, gw, gb);
    }

    /// <summary>
    /// Per-row gW_r (n·K, C_out, C_in·kh·kw), in unfold's column order, then summed over each example's K rows. Stride-1,
    /// undilated convolutions (every conv of the U-Net and the classifiers) take <see cref="ShiftedWindows"/>; others unfold.
    /// </summary>
    static LayerGrads Conv2d(HookedLayer layer, Conv2d conv, Tensor a, Tensor b, long n)
    {
        Tensor gw;
        Tensor? gb;
        using (var scope = NewDisposeScope())    // the padded copies and per-offset products go as soon as gW is formed
        {
            gw = conv.stride.All(s => s == 1) && conv.dilation.All(d => d == 1)
                ? ShiftedWindows(a, b, conv.kernel_size, conv.padding!)
                : Unfolded(a, b, conv);
            gb = layer.Bias is null ? null : b.sum([2, 3]);                  // (n·K, C_out)
            if (a.shape[0] != n)
            {
                gw = gw.reshape(n, -1, gw.shape[1], gw.shape[2]).sum(1);
                gb = gb?.reshape(n, -1, gb.shape[1]).sum(1);
            }
            scope.MoveToOuter(gw);
            if (gb is not null) scope.MoveToOuter(gb);
        }
        return Materialised(layer, gw, gb);
    }

    /// <summary>
    /// gW_r[o, c, i, j] = Σ_hw B_r[o, h, w]·Apad_r[c, h + i, w + j], one batched matmul per kernel offset (i, j) and no
    /// im2col copy (libtorch's CPU unfold took 70% of a DP step of the U-Net). A is padded once, channels last, with one
    /// spare row; flattened to (rows, positions, C), the window of offset (i, j) is then the contiguous run of ho·wp
    /// positions from i·wp + j, whose last wp − wo columns per row fall outside the output. B is widened to wp with zeros
    /// there, so those columns add nothing.
    /// </summary>
    static Tensor ShiftedWindows(Tensor a, Tensor b, long[] kernel, long[] padding)
    {
        var (kh, kw, ph, pw) = (kernel[0], kernel[1], padding[0], padding[1]);
        var (rows, c) = (a.shape[0], a.shape[1]);
        var (cout, ho, wo) = (b.shape[1], b.shape[2], b.shape[3]);
        var padded = nn.functional.pad(a.permute(0, 2, 3, 1), [0, 0, pw, pw, ph, ph + 1]).contiguous();   // (rows, hp + 1, wp, C)
        var wp = padded.shape[2];
        var positions = padded.reshape(rows, -1, c);
        var widened = nn.functional.pad(b, [0, wp - wo]).reshape(rows, cout, ho * wp);                   // (rows, C_out, ho·wp)
        var offsets = new Tensor[kh * kw];
        for (var i = 0; i < kh; i++)
            for (var j = 0; j < kw; j++)
                offsets[i * kw + j] = widened.bmm(positions.narrow(1, i * wp + j, ho * wp));             // (rows, C_out, C_in)
        return stack(offsets, 3).reshape(rows, cout, c * kh * kw);
    }

    /// <summary>Unfold A to (n·K, C_in·kh·kw, L); gW_r = B_r A_urᵀ in one batched matmul.</summary>
    static Tensor Unfolded(Tensor a, Tensor b, Conv2d conv)
    {
        var k = conv.kernel_size;
        var au = nn.functional.unfold(a, (k[0], k[1]),
            dilation: (conv.dilation[0], conv.dilation[1]),
            padding: (conv.padding![0], conv.padding[1]),
            stride: (conv.stride[0], conv.stride[1]));                          // (n·K, C_in·kh·kw, L)
        return b.reshape(b.shape[0], b.shape[1], -1).bmm(au.transpose(1, 2));
    }

    /// <summary>gγ_i = Σ_rows,pixels B ⊙ x̂ with x̂ the input normalised without the affine part; gβ_i = Σ B.</summary>
    static LayerGrads GroupNorm(HookedLayer layer, GroupNorm norm, Tensor a, Tensor b, long n)
    {
        var normalised = nn.functional.group_norm(a, norm.num_groups, null, null, norm.eps);
        var c = b.shape[1];
        var pixels = b.numel() / b.shape[0] / c;
        var gw = (b * normalised).reshape(n, -1, c, pixels).sum([1, 3]);       // (n, C)
        var gb = b.reshape(n, -1, c, pixels).sum([1, 3]);                      // (n, C)
        return Vectors(layer, gw, layer.Bias is null ? null : gb);
    }

    /// <summary>Row i of the table gets B at every position that looked it up: gW_i = onehot(idx_i)ᵀ B_i.</summary>
    static LayerGrads Embedding(HookedLayer layer, Tensor indices, Tensor b, long n)
    {
        var vocabulary = layer.Weight.shape[0];
        var dim = layer.Weight.shape[1];
        var onehot = nn.functional.one_hot(indices.reshape(n, -1), vocabulary).to(b.dtype);   // (n, T, V)
        var gw = einsum("ntv,ntd->nvd", onehot, b.reshape(n, -1, dim));                        // (n, V, D)
        return Materialised(layer, gw, null);
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

    static LayerGrads Vectors(HookedLayer layer, Tensor gw, Tensor? gb)
    {
        var sq = gw.square().sum(1);
        if (gb is not null) sq += gb.square().sum(1);
        return new LayerGrads(sq,
            f => einsum("n,nc->c", f, gw).reshape(layer.Weight.shape),
            f => gb is null ? null : einsum("n,nc->c", f, gb));
    }
}
