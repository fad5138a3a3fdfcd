using Privatar.Torch;
using Privatar.Models;
using Privatar.Models.Training;
using Privatar.Results;
using TorchSharp;
using static TorchSharp.torch;
using Privatar.Contracts;

namespace Privatar.Training;

public sealed record TrainResult(int Iterations, int Skipped, int BestIteration, double BestValLoss, IReadOnlyList<TrainingCurveRow> Curve);

/// <summary>
/// The original's training loop (§2.6): Adam 3e-4 on encoder(s) + decoder and a separate Adam on colour correction;
/// each iteration re-projects (quantization), computes vert + tex + screen + 0.01·KL, skips the batch if the total,
/// vertex or KL loss exceeds pass_threshold x the last accepted value, else clips the gradient norm of every model
/// parameter to 10 and steps both optimizers. StepLR(1, 0.95) per epoch on the main optimizer. Every val_every
/// iterations (and at the last) it evaluates val_num + 1 test batches and keeps the checkpoint with the lowest
/// validation screen loss (texture loss when λ_screen = 0). Under fidelity=original the colour correction is first
/// fine-tuned on those test batches, as the original does; corrected never touches test data while training. A batch
/// whose gradient norm is not finite is thrown away too (counted in checkpoint.json as skipped_batches).
/// With [train] pretrained every variant, the baseline included, starts from the original's checkpoint (the original's
/// --model_path); otherwise the baseline starts from its initialisation and the variants from its trained checkpoint.
/// </summary>
public static class Trainer
{
    public static TrainResult Run(AvatarData data, ModelConfig spec, TrainSettings s, TrainOutputs outputs,
                                  string? baselineCheckpoint, IProgress<TrainProgress>? progress = null)
    {
        s.Validate();
        random.manual_seed(s.Seed);
        var cfg = data.ModelConfig(s.Fidelity);
        AvatarVae model;
        IReadOnlyList<string> copied = [], fresh = [];
        if (s.Pretrained is { } pretrained)
        {
            if (baselineCheckpoint is not null)
                throw new ArgumentException($"{spec}: a pretrained checkpoint and --baseline exclude each other (every variant starts from the pretrained one, as in the original)");
            (model, copied, fresh) = Checkpoints.FromPretrained(spec, cfg, s.Seed, pretrained);
        }
        else if (spec.Variant == VaeVariant.Baseline) model = spec.Create(cfg, s.Seed);
        else
        {
            if (baselineCheckpoint is null) throw new ArgumentException($"{spec}: variants start from the trained baseline; pass its checkpoint (--baseline)");
            (model, copied, fresh) = Checkpoints.FromBaseline(spec, cfg, s.Seed, baselineCheckpoint);
        }
        Directory.CreateDirectory(outputs.Directory);
        using var _model = model;
        model.train();
        var main = optim.Adam(model.ParametersForOptimizer(), s.LearningRate, 0.9, 0.999);
        var cc = optim.Adam(model.ColorCorrectionParameters(), s.LearningRate, 0.9, 0.999);
        var schedule = optim.lr_scheduler.StepLR(main, 1, s.LrDecay);
        var sampler = new BatchSampler(data.Train.Count, s.BatchSize, checked((int)(s.Seed + 1)));
        var curve = new List<TrainingCurveRow>();
        LossValues? accepted = null;
        int skipped = 0, bestIter = -1, validations = 0;
        double best = double.PositiveInfinity;
        for (var it = 0; it < s.MaxIter; it++)
        {
            var epoch = sampler.Epoch;
            var idx = sampler.Next();
            if (sampler.Epoch > epoch && epoch >= 0) schedule.step();
            // The batch is loaded before the no-GC region: at 256² textures its arrays alone exceed the region's budget, and
            // a region that ends mid-step lets a collection free a Scalar mid-call (see NoGc).
            LossValues? loss;
            using (var batch = data.Batch(idx.Select(i => data.Train[i]).ToArray()))
                loss = NoGc.Run(() => Step(model, batch, data, s, main, cc, accepted));
            if (loss is null) skipped++;
            else
            {
                accepted = loss;
                curve.Add(Row(spec, it, "train", loss));
            }
            double? val = null;
            if ((it + 1) % s.ValEvery == 0 || it == s.MaxIter - 1)
            {
                var v = Validate(model, data, s, cc, checked((int)(s.Seed + 2 + validations++)));
                curve.Add(Row(spec, it, "val", v));
                val = s.Weights.Screen > 0 ? v.Screen : v.Tex;
                if (!double.IsFinite(val.Value))
                    throw new InvalidOperationException($"{spec}: validation loss is {val} at iteration {it} (training diverged; {skipped} batches skipped so far)");
                if (val < best || bestIter < 0)
                {
                    (best, bestIter) = (val.Value, it);
                    Checkpoints.Save(model, outputs.Best);
                }
            }
            progress?.Report(new TrainProgress(it + 1, s.MaxIter, loss?.Total ?? double.NaN, loss is null, val));
        }
        Checkpoints.Save(model, outputs.Last);
        Checkpoints.WriteInfo(outputs.Info, new CheckpointInfo(
            spec.VariantName, spec.ResultConfig, spec.Bits, spec.Ratio, spec.Offloaded,
            cfg.TexSize, cfg.Vertices, cfg.Latent, cfg.Cameras, s.Fidelity.ToString().ToLowerInvariant(), s.Seed,
            s.MaxIter, skipped, bestIter, best, s.Weights.Screen > 0 ? "val_screen" : "val_tex", copied, fresh,
            s.Pretrained is null ? null : Sha256(s.Pretrained)));
        ResultCsv.WriteFile(ResultFamilies.TrainingCurves, outputs.Curve, curve);
        return new TrainResult(s.MaxIter, skipped, bestIter, best, curve);
    }

    static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
    }

    /// <summary>One iteration; null when the batch was thrown away (losses exploded relative to the last accepted batch, or non-finite gradients).</summary>
    static LossValues? Step(AvatarVae model, VaeBatch batch, AvatarData data, TrainSettings s, optim.Optimizer main, optim.Optimizer cc, LossValues? accepted)
    {
        model.BeforeTrainingStep();
        using var scope = NewDisposeScope();
        using var output = model.call(batch.ToInput());
        using var terms = VaeLosses.Compute(output, batch, data.Norm, s.Weights, s.Weights.Screen > 0 ? data.Screen : null);
        var values = LossValues.Of(terms);
        if (accepted is { } prev && Explodes(values, prev, s.PassThreshold)) return null;
        if (!double.IsFinite(values.Total)) throw new InvalidOperationException($"training diverged: loss is {values.Total} (no accepted batch to compare with)");
        main.zero_grad();
        cc.zero_grad();
        terms.Total.backward();
        var norm = nn.utils.clip_grad_norm_(model.parameters().Where(p => p.requires_grad), VaeStep.ClipNorm);
        // A finite loss with non-finite gradients (seen with the screen renderer's barycentric gradients) would turn
        // every weight into NaN; such a batch is thrown away like an exploding one and counted.
        if (!double.IsFinite(norm)) return null;
        main.step();
        cc.step();
        return values;
    }

    /// <summary>The original's "throw away batch" rule (pass_thres = 50); a non-finite loss always counts as exploding.</summary>
    public static bool Explodes(LossValues now, LossValues prev, double threshold) =>
        !double.IsFinite(now.Total) || now.Total > threshold * prev.Total || now.Vert > threshold * prev.Vert || now.Kl > threshold * prev.Kl;

    static LossValues Validate(AvatarVae model, AvatarData data, TrainSettings s, optim.Optimizer cc, int seed)
    {
        var batches = ValidationBatches(data.Test.Count, s.BatchSize, s.ValNum + 1, seed);
        var screen = s.Weights.Screen > 0 ? data.Screen : null;
        if (s.Fidelity == Fidelity.Original)
            foreach (var idx in batches)
            {
                using var batch = data.Batch(idx.Select(i => data.Test[i]).ToArray());   // outside the region, as in Run
                NoGc.Run(() =>
                {
                    using var scope = NewDisposeScope();
                    using var output = model.call(batch.ToInput());
                    using var terms = VaeLosses.Compute(output, batch, data.Norm, s.Weights, screen);
                    cc.zero_grad();
                    terms.Total.backward();
                    cc.step();
                });
            }
        var sums = new double[5];
        foreach (var idx in batches)
        {
            using var batch = data.Batch(idx.Select(i => data.Test[i]).ToArray());   // outside the region, as in Run
            var v = NoGc.Run(() => VaeStep.Evaluate(model, batch, data.Norm, s.Weights, screen));
            sums[0] += v.Vert; sums[1] += v.Tex; sums[2] += v.Screen; sums[3] += v.Kl; sums[4] += v.Total;
        }
        model.train();
        var n = batches.Count;
        return new LossValues(sums[0] / n, sums[1] / n, sums[2] / n, sums[3] / n, sums[4] / n);
    }

    /// <summary>Up to <paramref name="count"/> batches of one seeded permutation of the test samples.</summary>
    public static IReadOnlyList<int[]> ValidationBatches(int samples, int batchSize, int count, int seed)
    {
        var sampler = new BatchSampler(samples, batchSize, seed);
        var list = new List<int[]>();
        var total = (samples + batchSize - 1) / batchSize;
        for (var i = 0; i < Math.Min(count, total); i++) list.Add(sampler.Next());
        return list;
    }

    static TrainingCurveRow Row(ModelConfig spec, int it, string split, LossValues v) => new()
    {
        Variant = spec.ResultVariant, Config = spec.ResultConfig, Iter = it, Split = split,
        LossTotal = v.Total, LossVert = v.Vert, LossTex = v.Tex, LossScreen = v.Screen, LossKl = v.Kl,
    };
}
