using Privatar.Accounting;
using Privatar.Accounting.Audit;
using Privatar.DpSgd.Data;
using Privatar.DpSgd.Models;
using Privatar.DpSgd.Runs;
using Privatar.DpSgd.Study;
using Privatar.DpSgd.Training;
using Privatar.Mnist;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Audit;

/// <summary>
/// What an audit measures besides training: <see cref="Canaries"/> canaries, <see cref="Guesses"/> membership guesses
/// (half "in" for the lowest canary losses, half "out" for the highest, abstaining on the rest), the confidence of
/// ε_lower, and <see cref="MiaExamples"/> training and as many held-out test examples for the loss-threshold AUC.
/// </summary>
public sealed record AuditSettings(int Canaries, int Guesses, int MiaExamples, double Confidence = 0.95)
{
    public void Validate()
    {
        if (Canaries < 2) throw new ArgumentException($"audit canaries: expected at least 2, got {Canaries}");
        if (Guesses < 1 || Guesses > Canaries) throw new ArgumentException($"audit guesses: expected 1..{Canaries} (the canaries), got {Guesses}");
        if (MiaExamples < 1) throw new ArgumentException($"audit mia_examples: expected at least 1, got {MiaExamples}");
        if (!(Confidence > 0 && Confidence < 1)) throw new ArgumentException($"audit confidence: expected in (0, 1), got {Confidence}");
    }
}

/// <summary>
/// One audited training run (audit.json): the accountant's ε (the upper bound, recomputed from σ, q and the steps that
/// ran; ∞ without DP), the one-run lower bound ε_lower from the canary guesses, and the loss-threshold AUC.
/// </summary>
public sealed record AuditSummary(string Kind, double? NoiseMultiplier, double SampleRate, long Steps, double Delta, string Accountant,
    double Epsilon, int Canaries, int Inserted, int Guesses, int Correct, double Confidence, double EpsilonLower,
    int MiaExamples, double MiaAuc, double TestAccuracy, Privatar.Core.NoiseMode Noise)
{
    public string Notice => Privatar.Core.NoiseModes.Notice(Noise);
}

/// <summary>
/// The one-run audit (Steinke, Nasr, Jagielski 2023) of the study's CNN: m mislabelled canaries, each inserted with
/// probability ½, one DP-SGD (or non-private) training run on the base data plus the inserted canaries, membership
/// guessed from each canary's loss under its wrong label, ε_lower from the guesses; and the plain loss-threshold MIA AUC
/// of training against held-out test examples.
/// </summary>
public static class CanaryAudit
{
    public const string File = "audit.json";

    public static AuditSummary RunClassifier(string dataDir, string outDir, TrainConfig cfg, DpRequest? request, int trainLimit, int testLimit,
        AuditSettings settings, StudyPrivacy privacy, TrainLog log)
    {
        settings.Validate();
        var real = MnistDataset.Load(dataDir);
        var (baseSet, canaries) = Audit.Canaries.Split(real.Train.Take(trainLimit), settings.Canaries, cfg.Seed);
        var trainSet = canaries.TrainingSet(baseSet);
        log($"{canaries.Inserted.Count(x => x)} of {canaries.Count} mislabelled canaries inserted; training on {trainSet.Count} examples");
        using var train = MnistTensors.From(trainSet);
        using var test = MnistTensors.From(real.Test, testLimit);
        using var canaryTensors = MnistTensors.From(canaries.Set);
        var dp = request?.Resolve(train.Count, cfg);
        random.manual_seed((long)Seeds.Init(cfg.Seed));
        using var model = new MnistCnn();
        var result = ClassifierTraining.Run(model, train, test, cfg, dp, log);

        // Lower loss under the wrong label = the model fitted that canary: guess "inserted".
        var scores = Losses(model, canaryTensors, cfg.EvalBatchSize).Select(l => -l).ToArray();
        var positives = settings.Guesses / 2;
        var outcome = MembershipGuess.Audit(scores, canaries.Inserted, positives, settings.Guesses - positives, privacy.Delta, settings.Confidence);

        var h = (int)Math.Min(settings.MiaExamples, Math.Min(baseSet.Count, test.Count));
        using var members = MnistTensors.From(baseSet, h);
        using var held = MnistTensors.From(real.Test, h);
        var miaScores = Losses(model, members, cfg.EvalBatchSize).Concat(Losses(model, held, cfg.EvalBatchSize)).Select(l => -l).ToArray();
        var auc = MembershipGuess.Auc(miaScores, Enumerable.Repeat(true, h).Concat(Enumerable.Repeat(false, h)).ToArray());

        var epsilon = dp is null ? double.PositiveInfinity
            : privacy.Epsilon([new MechanismSteps(dp.NoiseMultiplier, result.SampleRate, result.Steps)]);
        var summary = new AuditSummary("classifier", dp?.NoiseMultiplier, result.SampleRate, result.Steps, privacy.Delta, privacy.Name, epsilon,
            outcome.Canaries, canaries.Inserted.Count(x => x), outcome.Guesses, outcome.Correct, settings.Confidence, outcome.EpsilonLower,
            h, auc, result.Final.TestAccuracy, cfg.Noise);
        log($"audit: {outcome.Correct}/{outcome.Guesses} guesses right on {outcome.Canaries} canaries: ε_lower {outcome.EpsilonLower:G4} " +
            $"at {settings.Confidence:P0} (accountant ε {epsilon:G4}); loss-threshold MIA AUC {auc:F4} on {h}+{h} examples");
        RunFiles.WriteJson(Path.Combine(outDir, File), summary);
        return summary;
    }

    /// <summary>Per-example cross-entropy under each example's own (for canaries: wrong) label, eval mode.</summary>
    public static double[] Losses(nn.Module<Tensor, Tensor> model, MnistTensors data, int batchSize = 1000)
    {
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var _ = no_grad();
            var losses = new List<double>((int)data.Count);
            for (long start = 0; start < data.Count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var len = Math.Min(batchSize, data.Count - start);
                var l = nn.functional.cross_entropy(model.call(data.Images.narrow(0, start, len)), data.Labels.narrow(0, start, len),
                    reduction: nn.Reduction.None);
                losses.AddRange(l.to_type(ScalarType.Float64).data<double>().ToArray());
            }
            return losses.ToArray();
        }
        finally { model.train(wasTraining); }
    }
}
