using static TorchSharp.torch;

namespace Privatar.Synthesis.Classifiers;

/// <summary>
/// The seed table's VGG11 (instance norm): 64, M, 128, M, 256, 256, M, 512, 512, M, 512, 512, M, each number a
/// Conv 3×3 → instance norm → ReLU, the first padded by 3 (28² → 32², five pools → 1²), then Linear(512 → 10).
/// </summary>
public sealed class Vgg11 : nn.Module<Tensor, Tensor>
{
    static readonly int[] Plan = [64, 0, 128, 0, 256, 256, 0, 512, 512, 0, 512, 512, 0];   // 0 = max pool
    readonly nn.Module<Tensor, Tensor> features, classifier;

    public Vgg11(int classes) : base(nameof(Vgg11))
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)>();
        long inChannels = 1;
        for (var i = 0; i < Plan.Length; i++)
        {
            if (Plan[i] == 0) { layers.Add(($"pool{i}", nn.MaxPool2d(2, 2))); continue; }
            layers.Add(($"conv{i}", nn.Conv2d(inChannels, Plan[i], 3, padding: i == 0 ? SeedTableLayers.MnistPadding3x3 : 1)));
            layers.Add(($"norm{i}", SeedTableLayers.InstanceNorm(Plan[i])));
            layers.Add(($"relu{i}", nn.ReLU()));
            inChannels = Plan[i];
        }
        features = nn.Sequential(layers);
        classifier = nn.Linear(512, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => classifier.call(features.call(x).flatten(1));
}
