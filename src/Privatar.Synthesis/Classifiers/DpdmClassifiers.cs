using Privatar.Torch;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Synthesis.Classifiers;

/// <summary>DPDM's logistic regression: 784 → 10 on the flattened image.</summary>
public sealed class LogReg : nn.Module<Tensor, Tensor>
{
    readonly Linear fc;

    public LogReg(int classes) : base(nameof(LogReg))
    {
        fc = nn.Linear(28 * 28, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => fc.call(x.flatten(1));
}

/// <summary>DPDM's MLP: 784 → 100 → ReLU → 10.</summary>
public sealed class DpdmMlp : nn.Module<Tensor, Tensor>
{
    readonly Linear fc1, fc2;

    public DpdmMlp(int classes) : base(nameof(DpdmMlp))
    {
        fc1 = nn.Linear(28 * 28, 100);
        fc2 = nn.Linear(100, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) => fc2.call(nn.functional.relu(fc1.call(x.flatten(1))));
}

/// <summary>
/// DPDM's downstream CNN: Conv(1→32, 3) → MaxPool2 → ReLU → Dropout .5 → Conv(32→64, 3) → MaxPool2 → ReLU → Dropout .5
/// → Conv(64→128, 3) → ReLU → Flatten 1152 → Linear 128 → ReLU → Dropout .5 → Linear 10. Its 128-d penultimate layer
/// (<see cref="Features"/>) is also the feature space of the evaluator that FID, KID and PRDC use.
/// </summary>
public sealed class DpdmCnn : nn.Module<Tensor, Tensor>
{
    readonly Conv2d conv1, conv2, conv3;
    readonly Linear fc1, fc2;
    readonly Dropout drop1, drop2, drop3;

    public const int FeatureDim = 128;

    public DpdmCnn(int classes) : base(nameof(DpdmCnn))
    {
        conv1 = nn.Conv2d(1, 32, 3);
        conv2 = nn.Conv2d(32, 64, 3);
        conv3 = nn.Conv2d(64, 128, 3);
        fc1 = nn.Linear(1152, FeatureDim);
        fc2 = nn.Linear(FeatureDim, classes);
        drop1 = nn.Dropout(0.5);
        drop2 = nn.Dropout(0.5);
        drop3 = nn.Dropout(0.5);
        RegisterComponents();
    }

    /// <summary>(B, 1, 28, 28) → (B, 128): the ReLU output of the first linear layer.</summary>
    public Tensor Features(Tensor x)
    {
        // Channels-last throughout: oneDNN's safe layout, and libtorch's NCHW max-pool kernel is scalar (a third of
        // an evaluation's time); the values are the NCHW ones, flatten reads them in logical order.
        var h = drop1.call(nn.functional.relu(nn.functional.max_pool2d(ChannelsLast.Of(ChannelsLast.Apply(conv1, x)), 2)));   // 26² → 13²
        h = drop2.call(nn.functional.relu(nn.functional.max_pool2d(ChannelsLast.Of(ChannelsLast.Apply(conv2, h)), 2)));       // 11² → 5²
        h = nn.functional.relu(ChannelsLast.Apply(conv3, h));                                                // 3², 128 channels
        return nn.functional.relu(fc1.call(h.flatten(1)));
    }

    public override Tensor forward(Tensor x) => fc2.call(drop3.call(Features(x)));
}
