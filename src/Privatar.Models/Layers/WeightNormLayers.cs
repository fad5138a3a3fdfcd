using Privatar.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Privatar.Models.Layers;

// Weight-normalised layers of the original (§2.2): the effective weight is W * g / ||W||_F, where the norm is
// taken over the WHOLE tensor (not per row) and g has one entry per output channel. Every layer has a bias.
// Field names are the checkpoint keys: weight, bias, g.

static class WeightNorm
{
    /// <summary>
    /// ||W||_F over the whole tensor. norm() computes the same value and gradient as pow(2).sum().sqrt(), but the
    /// latter took 100-240 ms on the 21918x256 mesh_fc weight in libtorch 2.10 CPU (norm(): about 2 ms).
    /// </summary>
    public static Tensor Frobenius(Tensor weight) => weight.norm();
}

/// <summary>A weight-normalised layer: exposes its raw weight, its effective weight and its glorot init.</summary>
public interface IWeightNormLayer
{
    Parameter Weight { get; }
    Parameter Gain { get; }
    Parameter Bias { get; }
    /// <summary>W * g / ||W||_F with g broadcast on the output-channel dimension.</summary>
    Tensor EffectiveWeight();
    /// <summary>(n_in, n_out, ksize) for glorot: ksize is k^2 for conv, k^2/4 for deconv, 1 for linear.</summary>
    (long NIn, long NOut, double KSize) GlorotFans { get; }
}

/// <summary><c>LinearWN(in, out)</c>: weight [out, in], bias [out], g [out].</summary>
public sealed class LinearWN : nn.Module<Tensor, Tensor>, IWeightNormLayer
{
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly Parameter g;

    public LinearWN(long inFeatures, long outFeatures) : base(nameof(LinearWN))
    {
        if (inFeatures <= 0 || outFeatures <= 0)
            throw new ArgumentException($"LinearWN: feature counts must be positive, got in={inFeatures}, out={outFeatures}");
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        weight = new Parameter(empty(outFeatures, inFeatures));
        bias = new Parameter(zeros(outFeatures));
        g = new Parameter(ones(outFeatures));
        RegisterComponents();
    }

    public long InFeatures { get; }
    public long OutFeatures { get; }
    public Parameter Weight => weight;
    public Parameter Gain => g;
    public Parameter Bias => bias;
    public (long NIn, long NOut, double KSize) GlorotFans => (InFeatures, OutFeatures, 1);

    public Tensor EffectiveWeight() => weight * g.unsqueeze(1) / WeightNorm.Frobenius(weight);

    public override Tensor forward(Tensor x) => F.linear(x, EffectiveWeight(), bias);   // (B, in) -> (B, out)
}

/// <summary><c>Conv2dWN(cin, cout, k, s, p)</c>: weight [cout, cin, k, k], bias [cout], g [cout].</summary>
public sealed class Conv2dWN : nn.Module<Tensor, Tensor>, IWeightNormLayer
{
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly Parameter g;

    public Conv2dWN(long cin, long cout, long kernel, long stride, long padding) : base(nameof(Conv2dWN))
    {
        if (cin <= 0 || cout <= 0 || kernel <= 0 || stride <= 0 || padding < 0)
            throw new ArgumentException($"Conv2dWN: invalid shape cin={cin}, cout={cout}, k={kernel}, s={stride}, p={padding}");
        (InChannels, OutChannels, Kernel, Stride, Padding) = (cin, cout, kernel, stride, padding);
        weight = new Parameter(empty(cout, cin, kernel, kernel));
        bias = new Parameter(zeros(cout));
        g = new Parameter(ones(cout));
        RegisterComponents();
    }

    public long InChannels { get; }
    public long OutChannels { get; }
    public long Kernel { get; }
    public long Stride { get; }
    public long Padding { get; }
    public Parameter Weight => weight;
    public Parameter Gain => g;
    public Parameter Bias => bias;
    public (long NIn, long NOut, double KSize) GlorotFans => (InChannels, OutChannels, Kernel * Kernel);

    public Tensor EffectiveWeight() => weight * g.view(-1, 1, 1, 1) / WeightNorm.Frobenius(weight);

    /// <summary>libtorch's conv2d on a channels-last view (see <see cref="ChannelsLast"/>); NCHW-contiguous in and out.</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = F.conv2d(ChannelsLast.Of(x), EffectiveWeight(), bias, strides: [Stride, Stride], padding: [Padding, Padding]);
        return y.contiguous().MoveToOuterDisposeScope();                                 // (B, cout, H', W')
    }
}

/// <summary>
/// <c>ConvTranspose2dWN(cin, cout, k, s, p)</c>: weight [cin, cout, k, k] (PyTorch's transposed layout), bias [cout]
/// and g [cout], so g broadcasts on dim 1. The original always creates the bias, even when asked not to.
/// </summary>
public sealed class ConvTranspose2dWN : nn.Module<Tensor, Tensor>, IWeightNormLayer
{
    private readonly Parameter weight;
    private readonly Parameter bias;
    private readonly Parameter g;

    public ConvTranspose2dWN(long cin, long cout, long kernel, long stride, long padding) : base(nameof(ConvTranspose2dWN))
    {
        if (cin <= 0 || cout <= 0 || kernel <= 0 || stride <= 0 || padding < 0)
            throw new ArgumentException($"ConvTranspose2dWN: invalid shape cin={cin}, cout={cout}, k={kernel}, s={stride}, p={padding}");
        (InChannels, OutChannels, Kernel, Stride, Padding) = (cin, cout, kernel, stride, padding);
        weight = new Parameter(empty(cin, cout, kernel, kernel));
        bias = new Parameter(zeros(cout));
        g = new Parameter(ones(cout));
        RegisterComponents();
    }

    public long InChannels { get; }
    public long OutChannels { get; }
    public long Kernel { get; }
    public long Stride { get; }
    public long Padding { get; }
    public Parameter Weight => weight;
    public Parameter Gain => g;
    public Parameter Bias => bias;
    public (long NIn, long NOut, double KSize) GlorotFans => (InChannels, OutChannels, Kernel * Kernel / 4.0);

    public Tensor EffectiveWeight() => weight * g.view(1, -1, 1, 1) / WeightNorm.Frobenius(weight);

    /// <summary>libtorch's conv_transpose2d on a channels-last view (see <see cref="ChannelsLast"/>); NCHW-contiguous in and out.</summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var y = F.conv_transpose2d(ChannelsLast.Of(x), EffectiveWeight(), bias, strides: [Stride, Stride], padding: [Padding, Padding]);
        return y.contiguous().MoveToOuterDisposeScope();                                 // (B, cout, H', W')
    }
}
