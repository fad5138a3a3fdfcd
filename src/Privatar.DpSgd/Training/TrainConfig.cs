using Privatar.Accounting;
using Privatar.Core;

namespace Privatar.DpSgd.Training;

/// <summary>Optimisation settings shared by the classifier and VAE loops (defaults: the study's).</summary>
public sealed record TrainConfig(
    int Epochs = 10,                 // study: 10 epochs
    double LearningRate = 1e-3,      // study: Adam, lr 1e-3
    int BatchSize = 16,              // study: 16; under DP the expected batch q·N replaces it
    ulong Seed = 1234,               // model init, shuffling, Poisson sampling and noise derive from it
    int EvalBatchSize = 1000,        // evaluation only; does not change results
    NoiseMode Noise = NoiseMode.Reproducible)   // release: DP noise and Poisson sampling from the OS CSPRNG, not the seed
{
    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"epochs: expected >= 1, got {Epochs}");
        if (!(LearningRate > 0)) throw new ArgumentException($"lr: expected > 0, got {LearningRate}");
        if (BatchSize < 1) throw new ArgumentException($"batch_size: expected >= 1, got {BatchSize}");
    }
}

/// <summary>
/// DP-SGD settings. <see cref="SampleRate"/> 0 means the rate <see cref="Convention"/> gives the run: batch_size / N
/// with round(1/q) steps per epoch (ours), or 1/⌈N/batch_size⌉ with ⌈N/batch_size⌉ steps (Opacus's make_private).
/// </summary>
public sealed record DpConfig(double NoiseMultiplier, double MaxGradNorm = 1.2, double SampleRate = 0,
    AccountingConvention Convention = AccountingConvention.Ours)
{
    /// <summary>q, steps per epoch and the expected batch size (the DP-SGD divisor) for N examples.</summary>
    public SamplingSchedule Schedule(long n, int batchSize) =>
        SampleRate > 0 ? SamplingSchedule.FromRate(SampleRate, n) : SamplingSchedule.For(Convention, n, batchSize);

    public double ResolveSampleRate(long n, int batchSize) => Schedule(n, batchSize).SampleRate;
}

/// <summary>One epoch's metrics: running train loss/accuracy over the epoch's batches, then test.</summary>
public sealed record EpochMetrics(int Epoch, long Steps, double TrainLoss, double TrainAccuracy, double TestLoss, double TestAccuracy);

/// <summary>What a run did, for the summary file and the accountant (q, σ, steps).</summary>
public sealed record TrainResult(IReadOnlyList<EpochMetrics> Epochs, string Route, double SampleRate, long Steps)
{
    public EpochMetrics Final => Epochs[^1];
}

/// <summary>Per-epoch progress lines; the CLI prints them, tests collect them.</summary>
public delegate void TrainLog(string line);

/// <summary>The seeds of the MNIST runs' random streams, each derived from the root by <see cref="SeedStreams"/>.</summary>
public static class Seeds
{
    public static ulong Init(ulong root) => Derive(root, SeedPurpose.DpSgdInit);
    public static ulong Shuffle(ulong root) => Derive(root, SeedPurpose.DpSgdShuffle);
    public static ulong Sampling(ulong root) => Derive(root, SeedPurpose.DpSgdSampling);
    public static ulong Noise(ulong root) => Derive(root, SeedPurpose.DpSgdNoise);
    public static ulong Reparameterisation(ulong root) => Derive(root, SeedPurpose.VaeReparam);
    public static ulong StatsNoise(ulong root) => Derive(root, SeedPurpose.SynthesisStatsNoise);
    public static ulong SyntheticDraw(ulong root) => Derive(root, SeedPurpose.SynthesisDraw);

    static ulong Derive(ulong root, string purpose) => (ulong)SeedStreams.Derive(unchecked((long)root), purpose);
}
