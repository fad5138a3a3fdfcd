using TorchSharp.Modules;
namespace Privatar.DpSgd.Engine;

/// <summary>
/// The DP-SGD step's privacy-relevant settings. The gradient is divided by the expected batch size
/// q·N, never the drawn one (Opacus's mean reduction; dividing by the drawn size changes the sensitivity).
/// <paramref name="ExamplesPerPass"/> bounds memory: the batch goes through the per-example route in slices of that many
/// examples (0: all at once). Clipping is per example, so slicing changes only the order of the sums.
/// </summary>
public sealed record DpSgdOptions(double NoiseMultiplier, double MaxGradNorm, double ExpectedBatchSize, int ExamplesPerPass = 0)
{
    public void Validate()
    {
        if (ExamplesPerPass < 0) throw new ArgumentException($"examples per pass: expected >= 0 (0: the whole batch), got {ExamplesPerPass}");
        if (!(NoiseMultiplier >= 0)) throw new ArgumentException($"noise_multiplier: expected >= 0, got {NoiseMultiplier}");
        if (!(MaxGradNorm > 0)) throw new ArgumentException($"max_grad_norm: expected > 0, got {MaxGradNorm}");
        if (!(ExpectedBatchSize > 0)) throw new ArgumentException($"expected batch size: expected > 0, got {ExpectedBatchSize}");
    }
}

/// <summary>Which per-example gradient route the engine uses.</summary>
public enum PerSampleRoute
{
    /// <summary>Hooks when every trainable layer is Linear/Conv2d/GroupNorm/Embedding, micro-batches otherwise.</summary>
    Auto,
    Hooks,
    MicroBatch,
}

/// <summary>What one DP step saw: drawn batch size, mean loss, mean pre-clip norm, fraction clipped.</summary>
public sealed record DpStepStats(int BatchSize, double MeanLoss, double MeanNorm, double ClippedFraction)
{
    /// <summary>The per-example route's phases (null for routes that do not measure them).</summary>
    public ClipPhases? Clip { get; init; }

    /// <summary>Wall milliseconds spent drawing the noise and writing the gradients.</summary>
    public double NoiseMs { get; init; }

    /// <summary>Wall milliseconds of the optimizer step and whatever follows it, when the caller that steps sets it.</summary>
    public double UpdateMs { get; init; }
}
