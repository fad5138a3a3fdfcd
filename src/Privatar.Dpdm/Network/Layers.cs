using Privatar.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Network;

/// <summary>
/// DDPM++'s layer constructors (model/layers.py, layerspp.py): DDPM initialisation (variance scaling, fan_avg,
/// uniform; zero biases), GroupNorm with min(C/4, 32) groups and eps 1e-6, swish.
/// </summary>
static class Layers
{
    /// <summary>DDPM's default_init: U(±√(3·scale/fan_avg)); scale 0 means 1e-10 (a near-zero, not dead, layer).</summary>
    public static void DefaultInit(Parameter weight, double scale, Generator g)
    {
        scale = scale == 0 ? 1e-10 : scale;
        var shape = weight.shape;
        var receptive = shape.Skip(2).Aggregate(1L, (a, b) => a * b);
        var fanAvg = (shape[0] + shape[1]) * receptive / 2.0;
        var limit = Math.Sqrt(3 * scale / fanAvg);
        using var _ = no_grad();
        using var u = rand(shape, dtype: weight.dtype, generator: g);
        weight.copy_(u * (2 * limit) - limit);
    }

    public static Conv2d Conv(int inCh, int outCh, int kernel, double initScale, Generator g)
    {
        var conv = nn.Conv2d(inCh, outCh, kernel, padding: kernel / 2);
        DefaultInit(conv.weight!, initScale, g);
        using (no_grad()) conv.bias!.zero_();
        return conv;
    }

    public static Linear Dense(int inDim, int outDim, Generator g)
    {
        var dense = nn.Linear(inDim, outDim);
        DefaultInit(dense.weight!, 1.0, g);
        using (no_grad()) dense.bias!.zero_();
        return dense;
    }

    /// <summary>TorchSharp 0.107's GroupNorm leaves γ and β uninitialised (NaN seen), so they are set to PyTorch's 1 and 0.</summary>
    public static GroupNorm Norm(int channels)
    {
        var norm = nn.GroupNorm(Math.Min(channels / 4, 32), channels, eps: 1e-6);
        using (no_grad())
        {
            norm.weight!.fill_(1);
            norm.bias!.zero_();
        }
        return norm;
    }

    /// <summary>
    /// A conv on a channels-last view of its input (the oneDNN layout that computes every channel count correctly, see
    /// <see cref="ChannelsLast"/>), its output made NCHW again: libtorch's channels-last GroupNorm kernels, forward and
    /// backward, cost several times the NCHW ones at 4 channels per group and would otherwise take every norm's input.
    /// </summary>
    public static Tensor Apply(Conv2d conv, Tensor x) => ChannelsLast.Apply(conv, x).contiguous();

    public static Tensor Swish(Tensor x) => nn.functional.silu(x);

    /// <summary>
    /// GroupNorm (NCHW) then swish on the channels-last copy the next conv needs: the copy's gradient comes back
    /// channels last, and swish's backward only vectorises when its input and gradient share a layout.
    /// </summary>
    public static Tensor NormSwish(GroupNorm norm, Tensor x) => Swish(ChannelsLast.Of(norm.call(x)));

    /// <summary>BigGAN blocks' naive resampling: 2×2 mean, and nearest-neighbour doubling.</summary>
    public static Tensor Down(Tensor x) => nn.functional.avg_pool2d(x, 2, 2);

    public static Tensor Up(Tensor x) => x.repeat_interleave(2, 2).repeat_interleave(2, 3);
}
