using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Privatar.Models.Layers;

/// <summary>LeakyReLU with the original's slope of 0.2.</summary>
internal static class Act
{
    public const double Slope = 0.2;

    // F.leaky_relu(x, 0.2) converts the slope to a temporary Scalar that the GC may finalize while libtorch still reads
    // it: the functional baseline aborted after 500 iterations in Scalar::toFloat ("Expected false to be true",
    // Scalar.h:140) inside ConvDownsample. A static Scalar is always reachable.
    static readonly Scalar SlopeScalar = Slope.ToScalar();

    public static Tensor LRelu(Tensor x) => x.leaky_relu(SlopeScalar);
}

/// <summary>
/// <c>DeconvTexelBias(cin, cout, S)</c>: ConvTranspose2dWN(cin, cout, 4, 2, 1) plus a per-texel bias [1, cout, S, S],
/// where S is the output side. Keys: deconv.{weight,bias,g}, bias.
/// </summary>
public sealed class DeconvTexelBias : nn.Module<Tensor, Tensor>
{
    private readonly ConvTranspose2dWN deconv;
    private readonly Parameter bias;

    public DeconvTexelBias(long cin, long cout, long outputSize) : base(nameof(DeconvTexelBias))
    {
        if (outputSize <= 0) throw new ArgumentException($"DeconvTexelBias: output size must be positive, got {outputSize}");
        OutputSize = outputSize;
        deconv = new ConvTranspose2dWN(cin, cout, 4, 2, 1);
        bias = new Parameter(zeros(1, cout, outputSize, outputSize));
        RegisterComponents();
    }

    public long OutputSize { get; }
    public ConvTranspose2dWN Deconv => deconv;
    public Parameter TexelBias => bias;

    public override Tensor forward(Tensor x) => deconv.call(x) + bias;   // (B, cin, S/2, S/2) -> (B, cout, S, S)
}

/// <summary><c>ConvDownsample(cin, ch, cout)</c>: two stride-2 4x4 Conv2dWN, each followed by LeakyReLU; /4 spatially.</summary>
public sealed class ConvDownsample : nn.Module<Tensor, Tensor>
{
    private readonly Conv2dWN conv1;
    private readonly Conv2dWN conv2;

    public ConvDownsample(long cin, long chidden, long cout) : base(nameof(ConvDownsample))
    {
        conv1 = new Conv2dWN(cin, chidden, 4, 2, 1);
        conv2 = new Conv2dWN(chidden, cout, 4, 2, 1);
        RegisterComponents();
    }

    public Conv2dWN Conv1 => conv1;
    public Conv2dWN Conv2 => conv2;

    public override Tensor forward(Tensor x)
    {
        using var h = Act.LRelu(conv1.call(x));   // (B, cin, S, S) -> (B, ch, S/2, S/2)
        return Act.LRelu(conv2.call(h));          // -> (B, cout, S/4, S/4)
    }
}

/// <summary>
/// <c>ConvUpsample(cin, ch, cout, fs, no_activ)</c>: DeconvTexelBias(cin, ch, 2fs) -> LeakyReLU ->
/// DeconvTexelBias(ch, cout, 4fs) -> LeakyReLU unless <paramref name="noActivation"/>; x4 spatially.
/// </summary>
public sealed class ConvUpsample : nn.Module<Tensor, Tensor>
{
    private readonly DeconvTexelBias conv1;
    private readonly DeconvTexelBias conv2;

    public ConvUpsample(long cin, long chidden, long cout, long featureSize, bool noActivation) : base(nameof(ConvUpsample))
    {
        conv1 = new DeconvTexelBias(cin, chidden, featureSize * 2);
        conv2 = new DeconvTexelBias(chidden, cout, featureSize * 4);
        NoActivation = noActivation;
        FeatureSize = featureSize;
        RegisterComponents();
    }

    public bool NoActivation { get; }
    public long FeatureSize { get; }
    public DeconvTexelBias Conv1 => conv1;
    public DeconvTexelBias Conv2 => conv2;

    public override Tensor forward(Tensor x)
    {
        using var h = Act.LRelu(conv1.call(x));   // (B, cin, fs, fs) -> (B, ch, 2fs, 2fs)
        var y = conv2.call(h);                    // -> (B, cout, 4fs, 4fs)
        if (NoActivation) return y;
        using (y) return Act.LRelu(y);
    }
}

/// <summary>
/// Per-camera RGB gain and bias. Camera 0 (first in KRT order) is a frozen identity anchor:
/// weight_anchor [1,3,1,1] = 1 and bias_anchor [1,3,1,1] = 0 never train; weight/bias [n_cams-1,3,1,1] do.
/// </summary>
public sealed class ColorCorrection : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Parameter weight_anchor;
    private readonly Parameter bias_anchor;
    private readonly Parameter weight;
    private readonly Parameter bias;

    public ColorCorrection(long cameras) : base(nameof(ColorCorrection))
    {
        if (cameras < 1) throw new ArgumentException($"ColorCorrection: need at least one camera, got {cameras}");
        weight_anchor = new Parameter(ones(1, 3, 1, 1), requires_grad: false);
        bias_anchor = new Parameter(zeros(1, 3, 1, 1), requires_grad: false);
        weight = new Parameter(ones(cameras - 1, 3, 1, 1));
        bias = new Parameter(zeros(cameras - 1, 3, 1, 1));
        RegisterComponents();
    }

    /// <summary>(B, 3, H, W) texture and (B) int64 camera indices -> colour-corrected texture.</summary>
    public override Tensor forward(Tensor texture, Tensor cam)
    {
        using var weights = cat(new[] { weight_anchor, weight }, 0);   // (n_cams, 3, 1, 1)
        using var biases = cat(new[] { bias_anchor, bias }, 0);
        using var w = weights.index_select(0, cam);                     // (B, 3, 1, 1)
        using var b = biases.index_select(0, cam);
        return texture * w + b;
    }
}
