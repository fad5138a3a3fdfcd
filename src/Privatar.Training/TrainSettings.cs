using Privatar.Models;
using Privatar.Models.Training;

namespace Privatar.Training;

/// <summary>
/// The [train] section for one unit. <see cref="MaxIter"/>, <see cref="ValEvery"/> and <see cref="ValNum"/> are the
/// original's names: validation runs every val_every iterations over val_num + 1 test batches.
/// </summary>
public sealed record TrainSettings
{
    public int MaxIter { get; init; } = 100000;
    public int ValEvery { get; init; } = 5000;
    public int ValNum { get; init; } = 500;
    public int BatchSize { get; init; } = 10;
    public double LearningRate { get; init; } = 3e-4;
    /// <summary>StepLR(step 1, γ) on the main optimizer, stepped once per epoch.</summary>
    public double LrDecay { get; init; } = 0.95;
    /// <summary>Skip a batch whose total, vertex or KL loss exceeds this multiple of the last accepted one.</summary>
    public double PassThreshold { get; init; } = 50;
    public LossWeights Weights { get; init; } = new();
    public Fidelity Fidelity { get; init; } = Fidelity.Corrected;
    public long Seed { get; init; } = 1234;
    /// <summary>The original's pretrained checkpoint (a PyTorch state dict) every variant starts from, or null: from scratch.</summary>
    public string? Pretrained { get; init; }

    public TrainSettings Validate()
    {
        void Check(bool ok, string key, string expected) { if (!ok) throw new ArgumentException($"[train] {key}: expected {expected}"); }
        Check(MaxIter >= 1, "max_iter", "at least 1");
        Check(ValEvery >= 1, "val_every", "at least 1");
        Check(ValNum >= 0, "val_num", "0 or more");
        Check(BatchSize >= 1, "batch_size", "at least 1");
        Check(LearningRate > 0, "lr", "> 0");
        Check(PassThreshold > 1, "pass_threshold", "> 1");
        if (Pretrained is { } p && !File.Exists(p)) throw new FileNotFoundException($"[train] pretrained: {p}: file not found", p);
        return this;
    }
}

/// <summary>Progress of one training run, for progress bars (wall-clock rates never reach an artifact).</summary>
public sealed record TrainProgress(int Iteration, int MaxIter, double Loss, bool Skipped, double? ValLoss);
