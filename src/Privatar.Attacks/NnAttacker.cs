using Privatar.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Attacks;

/// <summary>The original's NN_Attacker: fc1 Linear(d, h), ReLU, fc2 Linear(h, h), ReLU, fc3 Linear(h, K) (plain, not weight-normed).</summary>
public sealed class AttackerNet : nn.Module<Tensor, Tensor>
{
    private readonly Linear fc1;
    private readonly Linear fc2;
    private readonly Linear fc3;

    /// <summary>PyTorch's default Linear initialisation, drawn from the global generator (seed it first).</summary>
    public AttackerNet(int input, int hidden, int classes) : base(nameof(AttackerNet))
    {
        fc1 = nn.Linear(input, hidden);
        fc2 = nn.Linear(hidden, hidden);
        fc3 = nn.Linear(hidden, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x)
    {
        using var h1 = nn.functional.relu(fc1.call(x));
        using var h2 = nn.functional.relu(fc2.call(h1));
        return fc3.call(h2);
    }
}

/// <summary>
/// [attack] settings of the NN attacker. <paramref name="ZeroGrad"/> false is the original's train_nn_attacker.py,
/// which never calls optimizer.zero_grad(), so each SGD step applies the sum of every gradient so far.
/// </summary>
public sealed record NnTrainSettings(int Hidden, int Epochs, double LearningRate, double Momentum, int BatchSize, bool ZeroGrad)
{
    /// <summary>Throws on a bad value, naming the key; the corrected attacker's epochs and lr have keys of their own.</summary>
    public NnTrainSettings Validate(string epochsKey = "attack.nn_epochs", string lrKey = "attack.nn_lr")
    {
        if (Hidden < 1) throw new ArgumentException($"attack.nn_hidden: expected at least 1, got {Hidden}");
        if (Epochs < 1) throw new ArgumentException($"{epochsKey}: expected at least 1, got {Epochs}");
        if (!(LearningRate > 0)) throw new ArgumentException($"{lrKey}: expected a positive rate, got {LearningRate}");
        if (!(Momentum >= 0 && Momentum < 1)) throw new ArgumentException($"attack.nn_momentum: expected 0 <= momentum < 1, got {Momentum}");
        if (BatchSize < 1) throw new ArgumentException($"attack.nn_batch_size: expected at least 1, got {BatchSize}");
        return this;
    }
}

/// <summary>SGD + cross-entropy training of an <see cref="AttackerNet"/>, with or without zeroing gradients between steps.</summary>
public sealed class NnAttackerTrainer : IDisposable
{
    readonly optim.Optimizer _optimizer;

    public NnAttackerTrainer(AttackerNet net, NnTrainSettings settings)
    {
        Net = net;
        Settings = settings.Validate();
        _optimizer = optim.SGD(net.parameters(), settings.LearningRate, settings.Momentum);
    }

    public AttackerNet Net { get; }
    public NnTrainSettings Settings { get; }
    public long Steps { get; private set; }

    /// <summary>One SGD step on a batch; returns its loss. Without ZeroGrad the .grad buffers keep accumulating.</summary>
    public double Step(Tensor x, Tensor labels)
    {
        Net.train();
        if (Settings.ZeroGrad) _optimizer.zero_grad();
        using var scope = NewDisposeScope();
        var loss = nn.functional.cross_entropy(Net.call(x), labels);
        loss.backward();
        _optimizer.step();
        Steps++;
        return loss.item<float>();
    }

    /// <summary>
    /// Epochs of batches in sample order (the rows of each epoch's set, as given). <paramref name="epochData"/> returns
    /// epoch e's (X, labels): the same clean codes each epoch, or freshly noised ones for the adaptive attacker.
    /// Returns the mean loss of each epoch.
    /// </summary>
    public IReadOnlyList<double> Train(Func<int, (Tensor X, Tensor Labels)> epochData)
    {
        var losses = new List<double>();
        for (var e = 0; e < Settings.Epochs; e++)
        {
            // One epoch per no-GC region: SGD's step passes -lr to libtorch as an implicit Scalar (see NoGc).
            losses.Add(NoGc.Run(() =>
            {
                var (x, y) = epochData(e);
                double sum = 0;
                var batches = 0;
                for (long start = 0; start < x.shape[0]; start += Settings.BatchSize)
                {
                    var len = Math.Min(Settings.BatchSize, x.shape[0] - start);
                    using var xb = x.narrow(0, start, len);
                    using var yb = y.narrow(0, start, len);
                    sum += Step(xb, yb);
                    batches++;
                }
                x.Dispose(); y.Dispose();
                return sum / batches;
            }));
        }
        return losses;
    }

    /// <summary>Correct top-1 predictions of the net on (X, labels).</summary>
    public long Correct(Tensor x, Tensor labels)
    {
        Net.eval();
        using var _ = no_grad();
        using var logits = Net.call(x);
        using var guess = logits.argmax(1);
        using var hits = guess.eq(labels);
        return hits.sum().item<long>();
    }

    /// <summary>Disposes the optimizer and the net (the trainer owns it).</summary>
    public void Dispose()
    {
        _optimizer.Dispose();
        Net.Dispose();
    }
}
