using Privatar.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Generators.DpMerf;

/// <summary>
/// DP-MERF's conditional conv generator: [code, onehot(y)] → Linear → BN → ReLU → Linear → BN → ReLU → (c0, 7, 7)
/// → ×2 upsample → Conv k → ReLU → ×2 upsample → Conv k → Sigmoid: 28×28 pixels in [0, 1].
/// Paper defaults: code 5, hidden 200, channels 16, 8, kernels 5, 5. The convolutions run on channels-last inputs:
/// NCHW float32 takes oneDNN's channel-blocked path, wrong for channel counts off its block (see ChannelsLast).
/// </summary>
public sealed class ConvCondGenerator : nn.Module<Tensor, Tensor, Tensor>
{
    readonly Linear fc1;
    readonly Linear fc2;
    readonly BatchNorm1d bn1;
    readonly BatchNorm1d bn2;
    readonly Conv2d conv1;
    readonly Conv2d conv2;
    readonly int c0;
    readonly int classes;

    public ConvCondGenerator(int codeDim, int hidden, int channels1, int channels2, int kernel, int classes = 10)
        : base(nameof(ConvCondGenerator))
    {
        if (kernel % 2 == 0) throw new ArgumentException($"kernel: expected an odd size, got {kernel}");
        CodeDim = codeDim;
        c0 = channels1;
        this.classes = classes;
        fc1 = nn.Linear(codeDim + classes, hidden);
        bn1 = nn.BatchNorm1d(hidden);
        fc2 = nn.Linear(hidden, channels1 * 7 * 7);
        bn2 = nn.BatchNorm1d(channels1 * 7 * 7);
        conv1 = nn.Conv2d(channels1, channels2, kernel, padding: kernel / 2);
        conv2 = nn.Conv2d(channels2, 1, kernel, padding: kernel / 2);
        RegisterComponents();
    }

    public int CodeDim { get; }

    /// <summary>code (B, codeDim), labels (B) int64 → images (B, 1, 28, 28).</summary>
    public override Tensor forward(Tensor code, Tensor labels)
    {
        var h = cat([code, nn.functional.one_hot(labels, classes).to_type(code.dtype)], 1);
        h = nn.functional.relu(bn1.call(fc1.call(h)));
        h = nn.functional.relu(bn2.call(fc2.call(h))).reshape(-1, c0, 7, 7);
        h = nn.functional.relu(ChannelsLast.Apply(conv1, nn.functional.interpolate(h, scale_factor: [2.0, 2.0])));        // (B, c1, 14, 14)
        return nn.functional.sigmoid(ChannelsLast.Apply(conv2, nn.functional.interpolate(h, scale_factor: [2.0, 2.0])));  // (B, 1, 28, 28)
    }
}
