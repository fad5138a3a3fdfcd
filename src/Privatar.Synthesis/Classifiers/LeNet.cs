using static TorchSharp.torch;

namespace Privatar.Synthesis.Classifiers;

/// <summary>
/// The seed table's LeNet: Conv(1→6, 5, pad 2) → ReLU → MaxPool 2 → Conv(6→16, 5) → ReLU → MaxPool 2
/// (28² → 14² → 10² → 5²), then 400 → 120 → 84 → 10 with ReLUs.
/// </summary>
public sealed class LeNet : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> features, classifier;

    public LeNet(int classes) : base(nameof(LeNet))
    {
        features = nn.Sequential(
            ("conv1", nn.Conv2d(1, 6, 5, padding: 2)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2, 2)),
            ("conv2", nn.Conv2d(6, 16, 5)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2, 2)));
        classifier = nn.Sequential(
            ("fc1", nn.Linear(16 * 5 * 5, 120)), ("relu3", nn.ReLU()),
            ("fc2", nn.Linear(120, 84)), ("relu4", nn.ReLU()),
            ("fc3", nn.Linear(84, classes)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => classifier.call(features.call(x).flatten(1));
}
