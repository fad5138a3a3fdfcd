using Privatar.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Network;

/// <summary>Whether a residual block keeps, doubles or halves the resolution.</summary>
enum Resample { None, Up, Down }

/// <summary>
/// DDPM++'s BigGAN residual block (layerspp.ResnetBlockBigGANpp, fir off, dropout 0): GroupNorm → swish →
/// [resample] → conv3×3 (+ Dense(swish(temb)) per channel) → GroupNorm → swish → conv3×3 (initialised near zero);
/// a 1×1 conv on the skip when widths differ or it resamples; output (x + h)/√2 (skip_rescale).
/// </summary>
sealed class ResBlock : nn.Module<Tensor, Tensor, Tensor>
{
    readonly GroupNorm GroupNorm_0;
    readonly Conv2d Conv_0;
    readonly Linear Dense_0;
    readonly GroupNorm GroupNorm_1;
    readonly Conv2d Conv_1;
    readonly Conv2d? Conv_2;
    readonly Resample resample;

    public ResBlock(int inCh, int outCh, int tembDim, Resample resample, Generator g) : base(nameof(ResBlock))
    {
        this.resample = resample;
        GroupNorm_0 = Layers.Norm(inCh);
        Conv_0 = Layers.Conv(inCh, outCh, 3, 1.0, g);
        Dense_0 = Layers.Dense(tembDim, outCh, g);
        GroupNorm_1 = Layers.Norm(outCh);
        Conv_1 = Layers.Conv(outCh, outCh, 3, 0.0, g);
        if (inCh != outCh || resample != Resample.None) Conv_2 = Layers.Conv(inCh, outCh, 1, 1.0, g);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, Tensor temb)
    {
        var h = Layers.NormSwish(GroupNorm_0, x);
        if (resample == Resample.Up) { h = Layers.Up(h); x = Layers.Up(x); }
        else if (resample == Resample.Down) { h = Layers.Down(h); x = Layers.Down(x); }
        h = Layers.Apply(Conv_0, h);
        h = h + Dense_0.call(Layers.Swish(temb)).unsqueeze(-1).unsqueeze(-1);
        h = Layers.NormSwish(GroupNorm_1, h);
        h = Layers.Apply(Conv_1, h);
        if (Conv_2 is not null) x = Layers.Apply(Conv_2, x);
        return (x + h) / Math.Sqrt(2);
    }
}
