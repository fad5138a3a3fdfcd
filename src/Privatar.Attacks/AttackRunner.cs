using Privatar.Contracts;
using Privatar.Torch;
using Privatar.Models;
using Privatar.Noise;
using Privatar.Results;
using static TorchSharp.torch;

namespace Privatar.Attacks;

/// <summary>
/// One attack unit: a partition model, one fidelity and one MI bound (null = no noise). Noise files are read from
/// <paramref name="NoiseDir"/> (noise/&lt;fidelity&gt;/); seeds derive from <paramref name="Seed"/> (runtime.seed).
/// </summary>
public sealed record AttackUnit(NoiseFidelity Fidelity, double? Mi, string NoiseDir, double DpClipBound, long Seed,
    Privatar.Core.NoiseMode Noise = Privatar.Core.NoiseMode.Reproducible);

/// <summary>Both attacks on one unit: every mechanism (none, or dp and pac) × reference mode, or × attacker kind.</summary>
public static class AttackRunner
{
    /// <summary>
    /// Empirical attack (§5.2): one sampled z_offload per attack frame (shared by every mechanism), noised per mechanism,
    /// decoded by the cloud decoder, and matched against the references of each mode. A unit without noise also writes
    /// each mode's ceiling (<see cref="AttackCeiling"/>), which needs no model.
    /// </summary>
    public static IReadOnlyList<AttackRow> Empirical(IOffloadModel model, AttackSamples samples, AttackUnit u) =>
        NoGc.Run(() => EmpiricalRows(model, samples, u));   // a few forwards of K frames: one no-GC region (see NoGc)

    static IReadOnlyList<AttackRow> EmpiricalRows(IOffloadModel model, AttackSamples samples, AttackUnit u)
    {
        var n = model.Offloaded;
        var rows = new List<AttackRow>();
        using var _ = no_grad();
        random.manual_seed(Seeds.Derive(u.Seed, "empirical-latent"));
        using var z = model.OffloadLatent(samples);
        using var bdct = BlockDct.Forward(samples.AvgTex);
        var references = ReferenceModes.All.Select(m => (Mode: m, Refs: EmpiricalMatcher.References(bdct, ReferencePlan.For(m, n)))).ToList();
        try
        {
            foreach (var kind in AttackRows.Mechanisms(u.Mi))
            {
                using var noised = kind is { } k
                    ? AttackNoise.Load(u.NoiseDir, AttackKind.Empirical, u.Fidelity, k, n, u.Mi!.Value, u.DpClipBound).Apply(z, Seeds.Derive(u.Seed, $"empirical-noise-{AttackRows.Name(kind)}"), u.Noise)
                    : z.alias();
                using var predictions = model.CloudDecode(noised, samples.View);
                foreach (var (mode, refs) in references)
                {
                    using var scores = EmpiricalMatcher.Scores(refs, predictions);
                    rows.Add(AttackRows.Make(AttackKind.Empirical, mode.Name(), n, AttackRows.Name(kind), u.Fidelity, u.Mi, false,
                        samples.Classes, samples.Classes, EmpiricalMatcher.Successes(scores)));
                }
            }
            if (u.Mi is null)
            {
                using var perfect = AttackCeiling.PerfectCloudOutput(samples, n);
                foreach (var (mode, refs) in references)
                {
                    using var scores = EmpiricalMatcher.Scores(refs, perfect);
                    rows.Add(AttackRows.Ceiling(mode.Name(), n, u.Fidelity, samples.Classes, EmpiricalMatcher.Successes(scores)));
                }
            }
        }
        finally { foreach (var r in references) r.Refs.Dispose(); }
        return rows;
    }

    /// <summary>
    /// NN attack (§5.3). The attacker trains on the K attack frames' codes (train == test frames, as in the original:
    /// this measures how identifiable a frame's latent is, not generalisation to unseen frames), with a fresh encoder
    /// sample per frame per epoch (×<paramref name="latentDraws"/>), and is tested on one further sample per frame.
    /// Non-adaptive: trained on clean codes (the original). Adaptive: trained on codes noised like the test codes, with a
    /// fresh noise draw each epoch. Gradients are zeroed each step under corrected only (the original never zeroes them).
    /// </summary>
    public static IReadOnlyList<AttackRow> Nn(IOffloadModel model, AttackSamples samples, AttackUnit u, NnTrainSettings settings, int latentDraws)
    {
        if (latentDraws < 1) throw new ArgumentException($"attack.nn_latent_draws: expected at least 1, got {latentDraws}");
        var n = model.Offloaded;
        var k = samples.Classes;
        settings = settings with { ZeroGrad = u.Fidelity == NoiseFidelity.Corrected };
        random.manual_seed(Seeds.Derive(u.Seed, "nn-latent"));
        var train = new List<Tensor>();
        Tensor test;
        using (no_grad())
        {
            test = NoGc.Run(() =>
            {
                for (var e = 0; e < settings.Epochs; e++)
                    train.Add(cat(Enumerable.Range(0, latentDraws).Select(_ => model.OffloadLatent(samples)).ToArray(), 0));
                return model.OffloadLatent(samples);
            });
        }
        using var labels = samples.Labels();
        using var trainLabels = labels.repeat(latentDraws);
        var rows = new List<AttackRow>();
        try
        {
            using var clean = TrainNet(settings, (int)test.shape[1], k, u.Seed, e => (train[e].clone(), trainLabels.clone()));
            foreach (var kind in AttackRows.Mechanisms(u.Mi))
            {
                var mech = AttackRows.Name(kind);
                if (kind is not { } kd)
                {
                    rows.Add(AttackRows.Make(AttackKind.Nn, "none", n, mech, u.Fidelity, null, false, k, k, clean.Correct(test, labels)));
                    continue;
                }
                var noise = AttackNoise.Load(u.NoiseDir, AttackKind.Nn, u.Fidelity, kd, n, u.Mi!.Value, u.DpClipBound);
                using var noisedTest = noise.Apply(test, Seeds.Derive(u.Seed, $"nn-test-noise-{mech}"), u.Noise);
                rows.Add(AttackRows.Make(AttackKind.Nn, "none", n, mech, u.Fidelity, u.Mi, false, k, k, clean.Correct(noisedTest, labels)));
                using var adaptive = TrainNet(settings, (int)test.shape[1], k, u.Seed,
                    e => (noise.Apply(train[e], Seeds.Derive(u.Seed, $"nn-train-noise-{mech}-{e}"), u.Noise), trainLabels.clone()));
                rows.Add(AttackRows.Make(AttackKind.Nn, "none", n, mech, u.Fidelity, u.Mi, true, k, k, adaptive.Correct(noisedTest, labels)));
            }
        }
        finally
        {
            foreach (var t in train) t.Dispose();
            test.Dispose();
        }
        return rows;
    }

    /// <summary>A fresh attacker (same initialisation for every run of a unit) trained on <paramref name="epochData"/>.</summary>
    static NnAttackerTrainer TrainNet(NnTrainSettings settings, int input, int classes, long seed, Func<int, (Tensor, Tensor)> epochData)
    {
        random.manual_seed(Seeds.Derive(seed, "nn-init"));
        var net = new AttackerNet(input, settings.Hidden, classes);
        var trainer = new NnAttackerTrainer(net, settings);
        trainer.Train(epochData);
        return trainer;
    }
}
