using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Models;

/// <summary>
/// The study's MNIST classifier: Conv(1→32, 3, p1) → ReLU → MaxPool2 → Conv(32→64, 3, p1) → ReLU →
/// MaxPool2 → Flatten → Linear(3136→128) → ReLU → Linear(128→10). No BatchNorm (incompatible with
/// per-example gradients), so every parameter is in a Linear or Conv2d and DP-SGD takes the hook route.
/// </summary>
public sealed class MnistCnn : nn.Module<Tensor, Tensor>
{
    readonly Conv2d conv1;
    readonly Conv2d conv2;
    readonly Linear fc1;
    readonly Linear fc2;

    /// <summary>Feature width of <see cref="Features"/> (the 128-d penultimate layer).</summary>
    public const int FeatureDim = 128;

    public MnistCnn(int classes = 10) : base(nameof(MnistCnn))
    {
        if (classes < 2) throw new ArgumentException($"classes: expected >= 2, got {classes}");
        conv1 = nn.Conv2d(1, 32, 3, padding: 1);
        conv2 = nn.Conv2d(32, 64, 3, padding: 1);
        fc1 = nn.Linear(64 * 7 * 7, FeatureDim);
        fc2 = nn.Linear(FeatureDim, classes);
        RegisterComponents();
    }

    /// <summary>(B, 1, 28, 28) → (B, 128) penultimate features.</summary>
    public Tensor Features(Tensor x)
    {
        var h = nn.functional.max_pool2d(nn.functional.relu(conv1.call(x)), 2);   // (B, 32, 14, 14)
        h = nn.functional.max_pool2d(nn.functional.relu(conv2.call(h)), 2);       // (B, 64, 7, 7)
        return nn.functional.relu(fc1.call(h.flatten(1)));                        // (B, 3136) -> (B, 128)
    }

    /// <summary>(B, 1, 28, 28) → (B, classes) logits.</summary>
    public override Tensor forward(Tensor x) => fc2.call(Features(x));
}
