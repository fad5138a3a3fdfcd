using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Synthesis.Classifiers;

/// <summary>The seed table's MLP: 784 → 128 → ReLU → 128 → ReLU → 10 (wider and deeper than DPDM's).</summary>
public sealed class DcMlp : nn.Module<Tensor, Tensor>
{
    readonly Linear fc1, fc2, fc3;

    public DcMlp(int classes) : base(nameof(DcMlp))
    {
        fc1 = nn.Linear(28 * 28, 128);
        fc2 = nn.Linear(128, 128);
        fc3 = nn.Linear(128, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) =>
        fc3.call(nn.functional.relu(fc2.call(nn.functional.relu(fc1.call(x.flatten(1))))));
}
