using Privatar.DpSgd.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Tests;

/// <summary>Small double-precision models and batches for comparing gradient routes.</summary>
static class TinyModels
{
    /// <summary>Conv (stride 1, pad 1) → ReLU → Conv (stride 2, dilation 1, pad 1) → Flatten → Linear → ReLU → Linear.</summary>
    public static nn.Module<Tensor, Tensor> ConvNet(int seed)
    {
        random.manual_seed(seed);
        var model = nn.Sequential(
            ("c1", nn.Conv2d(1, 3, 3, padding: 1)),
            ("r1", nn.ReLU()),
            ("c2", nn.Conv2d(3, 4, 3, stride: 2, padding: 1)),
            ("r2", nn.ReLU()),
            ("flat", nn.Flatten()),
            ("fc1", nn.Linear(4 * 4 * 4, 6)),
            ("r3", nn.ReLU()),
            ("fc2", nn.Linear(6, 5)));
        model.to(ScalarType.Float64);
        return model;
    }

    /// <summary>A batch of n 8×8 single-channel images and labels in 0..4.</summary>
    public static (Tensor X, Tensor Y) Batch(int n, int seed)
    {
        using var g = new Generator((ulong)seed);
        var x = randn([n, 1, 8, 8], dtype: ScalarType.Float64, generator: g);
        var y = randint(0, 5, [n], dtype: ScalarType.Int64, generator: g);
        return (x, y);
    }

    public static PerSampleLoss CrossEntropy(nn.Module<Tensor, Tensor> model) =>
        b => nn.functional.cross_entropy(model.call(b[0]), b[1], reduction: nn.Reduction.None);
}
