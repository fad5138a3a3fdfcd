using Privatar.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Network;

/// <summary>
/// DDPM++'s spatial self-attention (layerspp.AttnBlockpp): GroupNorm, q/k/v and output projections as 1×1 convs
/// (the original's NIN: the same map and parameter count), softmax over positions scaled by C^-½, (x + h)/√2.
/// </summary>
sealed class AttnBlock : nn.Module<Tensor, Tensor>
{
    readonly GroupNorm GroupNorm_0;
    readonly Conv2d NIN_0;
    readonly Conv2d NIN_1;
    readonly Conv2d NIN_2;
    readonly Conv2d NIN_3;

    public AttnBlock(int channels, Generator g) : base(nameof(AttnBlock))
    {
        GroupNorm_0 = Layers.Norm(channels);
        NIN_0 = Layers.Conv(channels, channels, 1, 0.1, g);
        NIN_1 = Layers.Conv(channels, channels, 1, 0.1, g);
        NIN_2 = Layers.Conv(channels, channels, 1, 0.1, g);
        NIN_3 = Layers.Conv(channels, channels, 1, 0.0, g);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var (b, c, height, width) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        var h = GroupNorm_0.call(x);
        var q = Layers.Apply(NIN_0, h).reshape(b, c, -1);                      // (B, C, L)
        var k = Layers.Apply(NIN_1, h).reshape(b, c, -1);
        var v = Layers.Apply(NIN_2, h).reshape(b, c, -1);
        var w = nn.functional.softmax(einsum("bcl,bcm->blm", q, k) * Math.Pow(c, -0.5), -1);   // (B, L, L)
        h = einsum("blm,bcm->bcl", w, v).reshape(b, c, height, width);
        h = Layers.Apply(NIN_3, h);
        return (x + h) / Math.Sqrt(2);
    }
}
