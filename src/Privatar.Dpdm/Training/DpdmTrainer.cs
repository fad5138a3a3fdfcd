using Privatar.Accounting;
using Privatar.Core;
using Privatar.DpSgd.Engine;
using Privatar.Dpdm.Diffusion;
using Privatar.Dpdm.Network;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Training;

/// <summary>
/// DP-SGD with noise multiplicity (DPDM Algorithm 1): each Poisson-sampled example gets K noise levels; its loss is the
/// mean over its K rows, so its gradient is averaged over K before it is clipped to C. The clipped sum plus N(0, σ²C²)
/// is divided by the expected batch size, then Adam steps and the EMA follows. The accountant sees one Poisson-subsampled
/// Gaussian step per call at (σ, q), whatever K is: K changes what an example's one clipped gradient is, not how many.
/// </summary>
public sealed class DpdmTrainer : IDisposable
{
    readonly DpdmConfig config;
    readonly NoiseLevels levels;
    readonly DpSgdEngine engine;
    readonly PoissonSampler sampler;
    readonly optim.Optimizer optimizer;
    readonly Generator diffusion;

    /// <summary><paramref name="noise"/> = Release draws the Poisson batches and the DP noise from the OS CSPRNG (no seed).</summary>
    public DpdmTrainer(UNet network, DpdmConfig config, long datasetSize, AccountantOptions? accountant = null,
        NoiseMode noise = NoiseMode.Reproducible)
    {
        config.Validate();
        this.config = config;
        Denoiser = new Denoiser(network, config.Parameterisation);
        levels = new NoiseLevels(config.Parameterisation, config.PMean, config.PStd);
        Schedule = config.Schedule(datasetSize);
        engine = new DpSgdEngine(network, new DpSgdOptions(config.NoiseMultiplier, config.MaxGradNorm, Schedule.ExpectedBatchSize, config.ExamplesPerPass),
            DpdmSeeds.Derive(config.Seed, SeedPurpose.GeneratorDpNoise), PerSampleRoute.Hooks, noise);
        sampler = new PoissonSampler(datasetSize, Schedule.SampleRate, DpdmSeeds.Derive(config.Seed, SeedPurpose.GeneratorSampling), noise);
        optimizer = optim.Adam(network.parameters(), config.LearningRate, weight_decay: 0);
        diffusion = new Generator(DpdmSeeds.Derive(config.Seed, SeedPurpose.GeneratorTraining));
        Ema = new Ema(network, config.EmaRate);
        Accountant = (accountant ?? new AccountantOptions()).Create();
    }

    public Denoiser Denoiser { get; }

    public Ema Ema { get; }

    public SamplingSchedule Schedule { get; }

    public IPrivacyAccountant Accountant { get; }

    public string Route => engine.Route;

    /// <summary>One step on a Poisson sample of (images in [−1, 1], labels); returns the engine's statistics.</summary>
    public DpStepStats Step(Tensor images, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var idx = sampler.Next();
        return StepOn(images.index_select(0, idx), labels.index_select(0, idx));
    }

    /// <summary>One step on a given batch (the sampler's, or a fixed one for tests and the bench); counted by the accountant.</summary>
    public DpStepStats StepOn(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        var batch = DrawBatch(x, y);
        var stats = engine.ComputeGradients(batch, b => DenoisingLoss.PerExample(Denoiser, levels, b));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        optimizer.step();
        Ema.Update();
        Accountant.Step(config.NoiseMultiplier, Schedule.SampleRate);
        return stats with { UpdateMs = clock.Elapsed.TotalMilliseconds };
    }

    /// <summary>Label dropout to the null label (p = 0.1, for classifier-free guidance), K σ's and K noises per example.</summary>
    public Tensor[] DrawBatch(Tensor x, Tensor y)
    {
        var b = x.shape[0];
        var k = config.NoiseLevelsPerExample;
        var drop = rand([b], dtype: ScalarType.Float64, generator: diffusion) < config.LabelDropout;
        var labels = where(drop, full_like(y, Denoiser.Network.Config.NullLabel), y);
        var sigma = levels.Sample([b, k], diffusion, x.dtype);
        var noise = randn(new long[] { b, k }.Concat(x.shape.Skip(1)).ToArray(), dtype: x.dtype, generator: diffusion);
        return DenoisingLoss.Batch(x, labels, sigma, noise);
    }

    public void Dispose()
    {
        engine.Dispose();
        sampler.Dispose();
        optimizer.Dispose();
        diffusion.Dispose();
        Ema.Dispose();
    }
}

/// <summary>DPDM's random streams: the generator streams of <see cref="SeedPurpose"/> with "dpdm" as the unit.</summary>
public static class DpdmSeeds
{
    public const string Method = "dpdm";

    public static ulong Derive(ulong root, string purpose) => (ulong)SeedStreams.Derive(unchecked((long)root), purpose, Method);
}
