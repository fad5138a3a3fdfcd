using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Generators.GsWgan;

/// <summary>
/// One shard's conditional critic (a small DCGAN discriminator without normalisation, as WGAN-GP needs):
/// Conv 4×4/2 → LeakyReLU → Conv 4×4/2 → LeakyReLU → [features, onehot(y)] → Linear → one score per image.
/// </summary>
public sealed class WganCritic : nn.Module<Tensor, Tensor, Tensor>
{
    static readonly Scalar Slope = 0.2.ToScalar();   // static: a temporary Scalar may be finalised while libtorch reads it

    readonly Conv2d conv1;
    readonly Conv2d conv2;
    readonly Linear fc;
    readonly int classes;

    public WganCritic(int width, int classes = ClassConditional.Classes) : base(nameof(WganCritic))
    {
        this.classes = classes;
        conv1 = nn.Conv2d(1, width, 4, stride: 2, padding: 1);            // 28 → 14
        conv2 = nn.Conv2d(width, 2 * width, 4, stride: 2, padding: 1);    // 14 → 7
        fc = nn.Linear(2 * width * 7 * 7 + classes, 1);
        RegisterComponents();
    }

    /// <summary>images (B, 1, 28, 28), labels (B) int64 → scores (B).</summary>
    public override Tensor forward(Tensor x, Tensor labels)
    {
        var h = Strided(conv2, Strided(conv1, x).leaky_relu(Slope)).leaky_relu(Slope).flatten(1);
        return fc.call(cat([h, nn.functional.one_hot(labels, classes).to_type(h.dtype)], 1)).squeeze(1);
    }

    /// <summary>
    /// A 4×4, stride-2, padding-1 convolution as im2col + matmul (the Conv2d only holds and initialises the weights), as
    /// DP-MERF's generator does: libtorch's CPU conv2d returned uninitialised memory for some shapes here.
    /// </summary>
    static Tensor Strided(Conv2d conv, Tensor x)
    {
        var (b, h, w) = (x.shape[0], x.shape[2], x.shape[3]);
        var cols = nn.functional.unfold(x, 4, padding: 1, stride: 2);                           // (B, cin·16, H/2·W/2)
        var y = conv.weight!.view(conv.weight.shape[0], -1).matmul(cols) + conv.bias!.view(1, -1, 1);
        return y.view(b, -1, h / 2, w / 2);
    }
}
