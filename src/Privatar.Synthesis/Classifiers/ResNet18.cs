using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Synthesis.Classifiers;

/// <summary>
/// The seed table's ResNet18 (instance norm): Conv 3×3 (64) → norm → ReLU, four stages of two basic blocks (64, 128,
/// 256, 512 channels; stride 2 from the second stage: 28² → 14² → 7² → 4²), AvgPool 4 → Linear(512 → 10).
/// </summary>
public sealed class ResNet18 : nn.Module<Tensor, Tensor>
{
    readonly Conv2d conv1;
    readonly nn.Module<Tensor, Tensor> norm1, stages;
    readonly Linear classifier;

    public ResNet18(int classes) : base(nameof(ResNet18))
    {
        conv1 = nn.Conv2d(1, 64, 3, padding: 1, bias: false);
        norm1 = SeedTableLayers.InstanceNorm(64);
        var blocks = new List<(string, nn.Module<Tensor, Tensor>)>();
        long inPlanes = 64;
        foreach (var (planes, stride) in new[] { (64, 1), (128, 2), (256, 2), (512, 2) })
            for (var b = 0; b < 2; b++)
            {
                blocks.Add(($"stage{planes}_{b}", new BasicBlock(inPlanes, planes, b == 0 ? stride : 1)));
                inPlanes = planes;
            }
        stages = nn.Sequential(blocks);
        classifier = nn.Linear(512, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        var h = stages.call(nn.functional.relu(norm1.call(conv1.call(x))));
        return classifier.call(nn.functional.avg_pool2d(h, 4).flatten(1));
    }

    /// <summary>Two 3×3 convolutions with norms and a (projected when the shape changes) shortcut.</summary>
    sealed class BasicBlock : nn.Module<Tensor, Tensor>
    {
        readonly Conv2d conv1, conv2;
        readonly nn.Module<Tensor, Tensor> norm1, norm2;
        readonly nn.Module<Tensor, Tensor>? shortcut;

        public BasicBlock(long inPlanes, long planes, long stride) : base(nameof(BasicBlock))
        {
            conv1 = nn.Conv2d(inPlanes, planes, 3, stride: stride, padding: 1, bias: false);
            norm1 = SeedTableLayers.InstanceNorm(planes);
            conv2 = nn.Conv2d(planes, planes, 3, padding: 1, bias: false);
            norm2 = SeedTableLayers.InstanceNorm(planes);
            if (stride != 1 || inPlanes != planes)
                shortcut = nn.Sequential(("conv", nn.Conv2d(inPlanes, planes, 1, stride: stride, bias: false)),
                                         ("norm", SeedTableLayers.InstanceNorm(planes)));
            RegisterComponents();
        }

        public override Tensor forward(Tensor x)
        {
            var h = norm2.call(conv2.call(nn.functional.relu(norm1.call(conv1.call(x)))));
            return nn.functional.relu(h + (shortcut?.call(x) ?? x));
        }
    }
}
