using Privatar.Torch;
using Privatar.DpSgd.Data;
using Privatar.DpSgd.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Training;

/// <summary>
/// The classifier loop, non-private or DP-SGD, as one plain function. Non-private: shuffled batches of
/// batch_size, mean cross-entropy. DP: Poisson batches at rate q, per-example cross-entropy clipped and
/// noised by <see cref="DpSgdEngine"/>. Adam steps either way.
/// </summary>
public static class ClassifierTraining
{
    public static TrainResult Run(nn.Module<Tensor, Tensor> model, MnistTensors train, MnistTensors test,
        TrainConfig cfg, DpConfig? dp, TrainLog log)
    {
        cfg.Validate();
        var n = train.Count;
        using var optimizer = optim.Adam(model.parameters(), cfg.LearningRate);
        var schedule = dp?.Schedule(n, cfg.BatchSize);
        var q = schedule?.SampleRate ?? 0;
        using var sampler = dp is null ? null : new PoissonSampler(n, q, Seeds.Sampling(cfg.Seed), cfg.Noise);
        using var engine = dp is null ? null
            : new DpSgdEngine(model, new DpSgdOptions(dp.NoiseMultiplier, dp.MaxGradNorm, schedule!.ExpectedBatchSize), Seeds.Noise(cfg.Seed),
                mode: cfg.Noise);
        using var shuffle = new Generator(Seeds.Shuffle(cfg.Seed));
        var epochs = new List<EpochMetrics>();
        long steps = 0;
        for (var epoch = 1; epoch <= cfg.Epochs; epoch++)
        {
            model.train();
            double lossSum = 0, correct = 0, seen = 0;
            // per-example loss; also counts correct predictions for the running train accuracy
            Tensor PerExample(IReadOnlyList<Tensor> b)
            {
                var logits = model.call(b[0]);
                correct += logits.argmax(1).eq(b[1]).sum().ToInt64();
                return nn.functional.cross_entropy(logits, b[1], reduction: nn.Reduction.None);
            }
            if (sampler is not null && engine is not null)
            {
                for (var s = 0; s < sampler.StepsPerEpoch; s++, steps++)
                    NoGc.Run(() =>   // one step per no-GC region: TorchSharp's implicit Scalars (see Privatar.Torch NoGc)
                    {
                        using var scope = NewDisposeScope();
                        var idx = sampler.Next();
                        var stats = engine.ComputeGradients([train.Images.index_select(0, idx), train.Labels.index_select(0, idx)], PerExample);
                        optimizer.step();
                        if (stats.BatchSize > 0) { lossSum += stats.MeanLoss * stats.BatchSize; seen += stats.BatchSize; }
                    });
            }
            else
            {
                using var perm = randperm(n, generator: shuffle);
                for (long start = 0; start < n; start += cfg.BatchSize, steps++)
                    NoGc.Run(() =>
                    {
                        using var scope = NewDisposeScope();
                        var idx = perm.narrow(0, start, Math.Min(cfg.BatchSize, n - start));
                        optimizer.zero_grad();
                        var loss = PerExample([train.Images.index_select(0, idx), train.Labels.index_select(0, idx)]).mean();
                        loss.backward();
                        optimizer.step();
                        lossSum += loss.ToDouble() * idx.shape[0];
                        seen += idx.shape[0];
                    });
            }
            var (testLoss, testAcc) = Evaluate(model, test, cfg.EvalBatchSize);
            var m = new EpochMetrics(epoch, steps, lossSum / Math.Max(1, seen), correct / Math.Max(1, seen), testLoss, testAcc);
            epochs.Add(m);
            log($"epoch {epoch}/{cfg.Epochs}: steps {steps}, train loss {m.TrainLoss:F4} acc {m.TrainAccuracy:F4}, test loss {testLoss:F4} acc {testAcc:F4}");
        }
        return new TrainResult(epochs, engine?.Route ?? "non-private", q, steps);
    }

    /// <summary>Mean cross-entropy and accuracy under no_grad in eval mode; restores the previous mode.</summary>
    public static (double Loss, double Accuracy) Evaluate(nn.Module<Tensor, Tensor> model, MnistTensors data, int batchSize = 1000)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            double loss = 0, correct = 0;
            for (long start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var len = Math.Min(batchSize, data.Count - start);
                var logits = model.call(data.Images.narrow(0, start, len));
                var y = data.Labels.narrow(0, start, len);
                loss += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).ToDouble();
                correct += logits.argmax(1).eq(y).sum().ToInt64();
            }
            return (loss / data.Count, correct / data.Count);
        }
        finally
        {
            model.train(wasTraining);
        }
    }
}
