using Privatar.Core;
using Privatar.Torch;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Engine;

/// <summary>
/// Poisson sampling: each of N examples joins a batch independently with probability q, so batch
/// sizes vary and may be 0. An epoch is round(1/q) batches (Opacus's UniformWithReplacementSampler).
/// </summary>
public sealed class PoissonSampler : IDisposable
{
    readonly PrivacyNoise generator;

    public PoissonSampler(long datasetSize, double sampleRate, ulong seed, NoiseMode mode = NoiseMode.Reproducible)
    {
        if (datasetSize <= 0) throw new ArgumentException($"dataset size: expected > 0, got {datasetSize}");
        if (!(sampleRate > 0 && sampleRate <= 1)) throw new ArgumentException($"sample_rate: expected in (0, 1], got {sampleRate}");
        DatasetSize = datasetSize;
        SampleRate = sampleRate;
        generator = new PrivacyNoise(mode, seed);   // release: membership is secret too (Opacus's secure_rng samples)
    }

    public long DatasetSize { get; }

    public double SampleRate { get; }

    public int StepsPerEpoch => StepsFor(SampleRate);

    /// <summary>
    /// Batches per epoch at rate q: round(1/q), at least 1 (what the accountant must be told). Under the Opacus convention
    /// q = 1/⌈N/B⌉, so this is ⌈N/B⌉, Opacus's int(1/q) (<see cref="Privatar.Accounting.SamplingSchedule"/>).
    /// </summary>
    public static int StepsFor(double sampleRate) => Math.Max(1, (int)Math.Round(1 / sampleRate));

    public double ExpectedBatchSize => SampleRate * DatasetSize;

    /// <summary>Indices (int64) of the next batch, in increasing order.</summary>
    public Tensor Next()
    {
        using var u = generator.Uniform(DatasetSize);
        using var mask = u < SampleRate;
        return mask.nonzero().squeeze(1);
    }

    public void Dispose() => generator.Dispose();
}
