using static TorchSharp.torch;

namespace Privatar.Synthesis.Classifiers;

/// <summary>
/// The seed table's AlexNet: Conv(1→128, 5, pad 4: 28² → 32²) → ReLU → MaxPool 2 → Conv(128→192, 5, pad 2) → ReLU →
/// MaxPool 2 → Conv(192→256, 3) → ReLU → Conv(256→192, 3) → ReLU → Conv(192→192, 3) → ReLU → MaxPool 2 (4²), then
/// Linear(192·4·4 → 10).
/// </summary>
public sealed class AlexNet : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> features, classifier;

    public AlexNet(int classes) : base(nameof(AlexNet))
    {
        features = nn.Sequential(
            ("conv1", nn.Conv2d(1, 128, 5, padding: 4)), ("relu1", nn.ReLU()), ("pool1", nn.MaxPool2d(2, 2)),
            ("conv2", nn.Conv2d(128, 192, 5, padding: 2)), ("relu2", nn.ReLU()), ("pool2", nn.MaxPool2d(2, 2)),
            ("conv3", nn.Conv2d(192, 256, 3, padding: 1)), ("relu3", nn.ReLU()),
            ("conv4", nn.Conv2d(256, 192, 3, padding: 1)), ("relu4", nn.ReLU()),
            ("conv5", nn.Conv2d(192, 192, 3, padding: 1)), ("relu5", nn.ReLU()), ("pool3", nn.MaxPool2d(2, 2)));
        classifier = nn.Linear(192 * 4 * 4, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => classifier.call(features.call(x).flatten(1));
}
