using static TorchSharp.torch;

namespace Privatar.Synthesis.Classifiers;

/// <summary>
/// The seed table's ConvNet (width 128, depth 3): three blocks of Conv 3×3 → instance norm → ReLU → AvgPool 2, the
/// first padded by 3 (28² → 32² → 16² → 8² → 4²), then Linear(128·4·4 → 10).
/// </summary>
public sealed class ConvNet : nn.Module<Tensor, Tensor>
{
    const int Width = 128;
    readonly nn.Module<Tensor, Tensor> features;
    readonly nn.Module<Tensor, Tensor> classifier;

    public ConvNet(int classes) : base(nameof(ConvNet))
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (var d = 0; d < 3; d++)
        {
            layers.Add(($"conv{d}", nn.Conv2d(d == 0 ? 1 : Width, Width, 3, padding: d == 0 ? SeedTableLayers.MnistPadding3x3 : 1)));
            layers.Add(($"norm{d}", SeedTableLayers.InstanceNorm(Width)));
            layers.Add(($"relu{d}", nn.ReLU()));
            layers.Add(($"pool{d}", nn.AvgPool2d(2, 2)));
        }
        features = nn.Sequential(layers);
        classifier = nn.Linear(Width * 4 * 4, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => classifier.call(features.call(x).flatten(1));
}
