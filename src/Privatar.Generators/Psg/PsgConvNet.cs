using static TorchSharp.torch;

namespace Privatar.Generators.Psg;

/// <summary>
/// PSG's ConvNet (Dataset Condensation's, depth 3): Conv 3×3 → instance norm → ReLU → AvgPool 2 per block, the first
/// padded by 3 (28² → 32² → 16² → 8² → 4²), then Linear(width·16 → classes). The instance norm has no affine
/// parameters, so every trainable layer is a Linear or Conv2d and the real gradients take the vectorised hook route.
/// </summary>
public sealed class PsgConvNet : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> features;
    readonly nn.Module<Tensor, Tensor> classifier;

    public PsgConvNet(int width, int classes = ClassConditional.Classes) : base(nameof(PsgConvNet))
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        for (var d = 0; d < 3; d++)
        {
            layers.Add(($"conv{d}", nn.Conv2d(d == 0 ? 1 : width, width, 3, padding: d == 0 ? 3 : 1)));
            layers.Add(($"norm{d}", nn.GroupNorm(width, width, affine: false)));
            layers.Add(($"relu{d}", nn.ReLU()));
            layers.Add(($"pool{d}", nn.AvgPool2d(2, 2)));
        }
        features = nn.Sequential(layers);
        classifier = nn.Linear(width * 4 * 4, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => classifier.call(features.call(x).flatten(1));
}
