using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Generators.Pate;

/// <summary>
/// T conditional MLP discriminators, [x, onehot(y)] → Linear → LeakyReLU(0.2) → Linear → logit, stored as stacked
/// weights so one batched matmul runs them all. No parameter or operation is shared between teachers (and Adam is
/// element-wise), so training the stack on the sum of the teachers' losses trains each teacher on its own loss alone.
/// </summary>
public sealed class TeacherEnsemble : nn.Module<Tensor, Tensor, Tensor>
{
    static readonly Scalar Slope = 0.2.ToScalar();   // static: a temporary Scalar may be finalised while libtorch reads it

    readonly Parameter w1;
    readonly Parameter b1;
    readonly Parameter w2;
    readonly Parameter b2;
    readonly int classes;

    public TeacherEnsemble(int teachers, int pixels, int hidden, Generator init, int classes = ClassConditional.Classes) : base(nameof(TeacherEnsemble))
    {
        if (teachers < 1 || pixels < 1 || hidden < 1) throw new ArgumentException($"teacher ensemble: teachers, pixels and hidden must be >= 1, got {teachers}, {pixels}, {hidden}");
        (Teachers, this.classes) = (teachers, classes);
        // nn.Linear's default: U(−1/√fan_in, 1/√fan_in) for weights and biases.
        Parameter Uniform(long[] shape, long fanIn) => new((rand(shape, generator: init) * 2 - 1) / Math.Sqrt(fanIn));
        w1 = Uniform([teachers, pixels + classes, hidden], pixels + classes);
        b1 = Uniform([teachers, 1, hidden], pixels + classes);
        w2 = Uniform([teachers, hidden, 1], hidden);
        b2 = Uniform([teachers, 1, 1], hidden);
        RegisterComponents();
    }

    public int Teachers { get; }

    /// <summary>images (T, B, D) in [0, 1], labels (T, B) int64 → logits (T, B): teacher t sees only row t.</summary>
    public override Tensor forward(Tensor x, Tensor labels)
    {
        var h = cat([x, nn.functional.one_hot(labels, classes).to_type(x.dtype)], 2);
        return (bmm((bmm(h, w1) + b1).leaky_relu(Slope), w2) + b2).squeeze(2);
    }

    /// <summary>
    /// Each teacher's gradient of the student's non-saturating loss −log D_t(x) with respect to the shared samples
    /// x (B, D): (T, B, D). The samples are public (the generator's output); only the teachers hold private data.
    /// </summary>
    public Tensor SampleGradients(Tensor x, Tensor labels)
    {
        var xt = x.detach().unsqueeze(0).expand(Teachers, -1, -1).contiguous().requires_grad_(true);
        var logits = call(xt, labels.unsqueeze(0).expand(Teachers, -1));
        var loss = nn.functional.binary_cross_entropy_with_logits(logits, ones_like(logits), reduction: nn.Reduction.Sum);
        return autograd.grad([loss], [xt])[0].detach();
    }
}
