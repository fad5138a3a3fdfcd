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

    /// <summary>
    /// Computed as im2col + matmul, the same arithmetic as conv2d. libtorch's CPU conv2d kernel here returned
    /// uninitialised memory for some shapes (e.g. 42 -> 128 channels on 16x16, stride 2: wrong or NaN outputs in
    /// most calls once the allocator held stale data; ConvolutionDeterminismTests pins this path).
    /// </summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (b, h, w) = (x.shape[0], x.shape[2], x.shape[3]);
        var hOut = (h + 2 * Padding - Kernel) / Stride + 1;
        var wOut = (w + 2 * Padding - Kernel) / Stride + 1;
        var cols = F.unfold(x, Kernel, padding: Padding, stride: Stride);             // (B, cin·k², L)
        var y = EffectiveWeight().view(OutChannels, -1).matmul(cols) + bias.view(1, -1, 1);   // (B, cout, L)
        return y.view(b, OutChannels, hOut, wOut).MoveToOuterDisposeScope();        // (B, cout, H', W')
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

    /// <summary>
    /// Computed as matmul + col2im (fold), the same arithmetic as conv_transpose2d: every input pixel scatters its
    /// k×k block of Wᵀx, and fold sums the blocks and crops the padding. libtorch's CPU conv_transpose2d path gave
    /// non-finite gradients here once the allocator held stale NaNs (partition n = 14's first decoder stage;
    /// ConvolutionDeterminismTests pins this path), the same class of fault as its conv2d (see Conv2dWN).
    /// </summary>
    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var (b, h, w) = (x.shape[0], x.shape[2], x.shape[3]);
        var hOut = (h - 1) * Stride - 2 * Padding + Kernel;
        var wOut = (w - 1) * Stride - 2 * Padding + Kernel;
        var blocks = EffectiveWeight().view(InChannels, -1).t().matmul(x.view(b, InChannels, h * w));   // (B, cout·k², H·W)
        var y = F.fold(blocks, (hOut, wOut), (Kernel, Kernel), padding: (Padding, Padding), stride: (Stride, Stride)) + bias.view(1, -1, 1, 1);
        return y.MoveToOuterDisposeScope();                                                                 // (B, cout, H', W')
    }
}
