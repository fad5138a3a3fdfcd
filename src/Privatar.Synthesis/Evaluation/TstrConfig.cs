namespace Privatar.Synthesis.Evaluation;

/// <summary>
/// The downstream-classifier protocol (defaults: DPDM's train_downstream_classifiers.py): Adam at lr 3e-4, batch 128,
/// 50 epochs; the epoch is chosen by accuracy on a held-out part of the training set (here 10% of it, split off with a
/// seeded permutation), never on the real test set, and the real-test accuracy of that epoch is reported.
/// <see cref="TrainLimit"/> caps how many examples (held-out part included) are used; 0 = all (DPDM: 60k synthetic).
/// <see cref="StepReference"/> (0 = off) gives every set the optimizer steps of a set that large: a smaller set (PSG
/// releases 10 images per class, not the benchmark's sample count) makes several passes per epoch, so its classifiers
/// are not compared after a few dozen Adam steps while the others get hundreds.
/// </summary>
public sealed record TstrConfig(
    int Epochs = 50,
    int BatchSize = 128,
    double LearningRate = 3e-4,
    double HeldOutFraction = 0.1,
    int TrainLimit = 0,
    long Seed = 0,
    int EvalBatchSize = 1000,
    int StepReference = 0)
{
    /// <summary>
    /// Passes over a training part of <paramref name="trainCount"/> examples per epoch: enough that an epoch takes at
    /// least the steps of a reference-sized set's training part (cut to <see cref="TrainLimit"/> as a real set would be).
    /// </summary>
    public int PassesPerEpoch(long trainCount)
    {
        if (StepReference == 0 || trainCount < 1) return 1;
        var n = Used(StepReference);
        var referenceTrain = n - HeldOut(n);
        var referenceSteps = (referenceTrain + BatchSize - 1) / BatchSize;
        var ownSteps = (trainCount + BatchSize - 1) / BatchSize;
        return (int)Math.Max(1, (referenceSteps + ownSteps - 1) / ownSteps);
    }

    /// <summary>Examples of a set of <paramref name="available"/> that the protocol uses, held-out part included.</summary>
    public int Used(int available) => TrainLimit == 0 ? available : Math.Min(TrainLimit, available);

    /// <summary>The held-out part of <paramref name="used"/> examples: round(fraction · used), halves away from zero.</summary>
    public int HeldOut(int used) => (int)Math.Round(HeldOutFraction * used, MidpointRounding.AwayFromZero);

    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"epochs: expected >= 1, got {Epochs}");
        if (BatchSize < 1) throw new ArgumentException($"batch_size: expected >= 1, got {BatchSize}");
        if (!(LearningRate > 0)) throw new ArgumentException($"lr: expected > 0, got {LearningRate}");
        if (!(HeldOutFraction > 0 && HeldOutFraction < 1)) throw new ArgumentException($"held_out_fraction: expected in (0, 1), got {HeldOutFraction}");
        if (TrainLimit < 0) throw new ArgumentException($"train_limit: expected >= 0 (0 = all), got {TrainLimit}");
        if (EvalBatchSize < 1) throw new ArgumentException($"eval_batch_size: expected >= 1, got {EvalBatchSize}");
        if (StepReference < 0) throw new ArgumentException($"step_reference: expected >= 0 (0 = off), got {StepReference}");
    }
}

/// <summary>One epoch: mean training loss over its batches and accuracy on the held-out part.</summary>
public sealed record TstrEpoch(int Epoch, double TrainLoss, double HeldOutAccuracy);

/// <summary>
/// A classifier's outcome: the selected epoch (first epoch with the best held-out accuracy), its held-out and real-test
/// accuracy, the sizes used, and every epoch's curve.
/// </summary>
public sealed record TstrResult(string Classifier, int TrainCount, int HeldOutCount, int SelectedEpoch, double HeldOutAccuracy,
    double TestAccuracy, IReadOnlyList<TstrEpoch> Epochs);
