using Privatar.Torch;
using Privatar.DpSgd.Data;
using Privatar.DpSgd.Engine;
using Privatar.DpSgd.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Training;

/// <summary>
/// The VAE loop, non-private or DP-SGD. The encoder sees classifier-space images; the reconstruction
/// target is the same standardised image under <c>original</c> fidelity (the study's range mismatch with the
/// Sigmoid decoder) and pixels in [0, 1] under <c>corrected</c>. ε for the reparameterisation comes from a
/// seeded generator and travels in the batch, so the micro-batch route sees the same noise.
/// </summary>
public static class VaeTraining
{
    /// <summary>Returns per-epoch metrics; "accuracy" columns are NaN, test loss is the held-out per-example loss.</summary>
    public static TrainResult Run(MlpVae vae, MnistTensors train, MnistTensors test, TrainConfig cfg, DpConfig? dp,
        Fidelity fidelity, TrainLog log)
    {
        cfg.Validate();
        var n = train.Count;
        using var optimizer = optim.Adam(vae.parameters(), cfg.LearningRate);
        var schedule = dp?.Schedule(n, cfg.BatchSize);
        var q = schedule?.SampleRate ?? 0;
        using var sampler = dp is null ? null : new PoissonSampler(n, q, Seeds.Sampling(cfg.Seed), cfg.Noise);
        using var engine = dp is null ? null
            : new DpSgdEngine(vae, new DpSgdOptions(dp.NoiseMultiplier, dp.MaxGradNorm, schedule!.ExpectedBatchSize), Seeds.Noise(cfg.Seed),
                mode: cfg.Noise);
        using var shuffle = new Generator(Seeds.Shuffle(cfg.Seed));
        using var reparam = new Generator(Seeds.Reparameterisation(cfg.Seed));
        var epochs = new List<EpochMetrics>();
        long steps = 0;
        for (var epoch = 1; epoch <= cfg.Epochs; epoch++)
        {
            vae.train();
            double lossSum = 0, seen = 0;
            using var perm = sampler is null ? randperm(n, generator: shuffle) : null;     // non-private: one shuffle per epoch
            for (long s = 0; sampler is not null ? s < sampler.StepsPerEpoch : s * cfg.BatchSize < n; s++, steps++)
                NoGc.Run(() =>   // one step per no-GC region: TorchSharp's implicit Scalars (see Privatar.Torch NoGc)
                {
                    using var scope = NewDisposeScope();
                    var idx = sampler?.Next() ?? perm!.narrow(0, s * cfg.BatchSize, Math.Min(cfg.BatchSize, n - s * cfg.BatchSize));
                    var batch = MakeBatch(train, idx, vae.LatentDim, fidelity, reparam);
                    if (engine is not null)
                    {
                        var stats = engine.ComputeGradients(batch, b => PerExample(vae, b));
                        optimizer.step();
                        if (stats.BatchSize > 0) { lossSum += stats.MeanLoss * stats.BatchSize; seen += stats.BatchSize; }
                        return;
                    }
                    optimizer.zero_grad();
                    var loss = PerExample(vae, batch).mean();
                    loss.backward();
                    optimizer.step();
                    lossSum += loss.ToDouble() * idx.shape[0];
                    seen += idx.shape[0];
                });
            var testLoss = Evaluate(vae, test, fidelity, cfg.EvalBatchSize, reparam);
            epochs.Add(new EpochMetrics(epoch, steps, lossSum / Math.Max(1, seen), double.NaN, testLoss, double.NaN));
            log($"vae epoch {epoch}/{cfg.Epochs}: steps {steps}, train loss {lossSum / Math.Max(1, seen):F2}, test loss {testLoss:F2}");
        }
        return new TrainResult(epochs, engine?.Route ?? "non-private", q, steps);
    }

    static Tensor PerExample(MlpVae vae, IReadOnlyList<Tensor> b) => MlpVae.Loss(vae.Forward(b[0], b[2]), b[1]);

    /// <summary>[input, target, ε] for the given indices.</summary>
    static Tensor[] MakeBatch(MnistTensors data, Tensor idx, int latentDim, Fidelity fidelity, Generator reparam)
    {
        var x = data.Images.index_select(0, idx);
        var target = fidelity == Fidelity.Original ? x : MnistTensors.Unstandardise(x);
        var eps = randn([idx.shape[0], latentDim], generator: reparam);
        return [x, target, eps];
    }

    public static double Evaluate(MlpVae vae, MnistTensors data, Fidelity fidelity, int batchSize, Generator reparam)
    {
        var wasTraining = vae.training;
        vae.eval();
        try
        {
            using var _ = no_grad();
            double loss = 0;
            for (long start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var idx = arange(start, Math.Min(start + batchSize, data.Count), dtype: ScalarType.Int64);
                loss += PerExample(vae, MakeBatch(data, idx, vae.LatentDim, fidelity, reparam)).sum().ToDouble();
            }
            return loss / data.Count;
        }
        finally
        {
            vae.train(wasTraining);
        }
    }
}

/// <summary>
/// <c>original</c> reproduces the study (standardised reconstruction targets, per-class latent statistics
/// computed without noise: a privacy leak); <c>corrected</c> uses pixel targets and releases those statistics
/// through a Gaussian mechanism whose cost must be composed into ε.
/// </summary>
public enum Fidelity
{
    Original,
    Corrected,
}
