using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Generators.DpCgan;

/// <summary>
/// DP-CGAN's conditional generator (the MLP cGAN it builds on): [z, onehot(y)] → Linear → ReLU → Linear → Sigmoid,
/// reshaped to (B, 1, H, W) with pixels in [0, 1].
/// </summary>
public sealed class CganGenerator : nn.Module<Tensor, Tensor, Tensor>
{
    readonly Linear fc1;
    readonly Linear fc2;
    readonly int classes;
    readonly int height;
    readonly int width;

    public CganGenerator(int noiseDim, int hidden, int height, int width, int classes = ClassConditional.Classes)
        : base(nameof(CganGenerator))
    {
        NoiseDim = noiseDim;
        (this.height, this.width, this.classes) = (height, width, classes);
        fc1 = nn.Linear(noiseDim + classes, hidden);
        fc2 = nn.Linear(hidden, height * width);
        RegisterComponents();
    }

    public int NoiseDim { get; }

    /// <summary>z (B, noiseDim), labels (B) int64 → images (B, 1, H, W).</summary>
    public override Tensor forward(Tensor z, Tensor labels)
    {
        var h = cat([z, nn.functional.one_hot(labels, classes).to_type(z.dtype)], 1);
        return nn.functional.sigmoid(fc2.call(nn.functional.relu(fc1.call(h)))).view(-1, 1, height, width);
    }
}

/// <summary>
/// DP-CGAN's conditional discriminator: [x, onehot(y)] → Linear → LeakyReLU(0.2) → Linear → one logit per image.
/// Only Linear layers and no cross-example operation (no BatchNorm), so DP-SGD takes the hook route with exact
/// per-example gradients.
/// </summary>
public sealed class CganDiscriminator : nn.Module<Tensor, Tensor, Tensor>
{
    // A static Scalar: a temporary one may be finalised while libtorch reads it (see Privatar.Models Act).
    static readonly Scalar Slope = 0.2.ToScalar();

    readonly Linear fc1;
    readonly Linear fc2;
    readonly int classes;

    public CganDiscriminator(int pixels, int hidden, int classes = ClassConditional.Classes) : base(nameof(CganDiscriminator))
    {
        this.classes = classes;
        fc1 = nn.Linear(pixels + classes, hidden);
        fc2 = nn.Linear(hidden, 1);
        RegisterComponents();
    }

    /// <summary>images (B, ...) in [0, 1], labels (B) int64 → logits (B).</summary>
    public override Tensor forward(Tensor x, Tensor labels)
    {
        var h = cat([x.flatten(1), nn.functional.one_hot(labels, classes).to_type(x.dtype)], 1);
        return fc2.call(fc1.call(h).leaky_relu(Slope)).squeeze(1);
    }
}
