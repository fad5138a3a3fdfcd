using System.Diagnostics;
using System.Globalization;
using Privatar.Accounting;
using Privatar.Core;
using Privatar.Dpdm.Diffusion;
using Privatar.Dpdm.Network;
using Privatar.Dpdm.Sampling;
using Privatar.Dpdm.Training;
using Privatar.Torch;
using static TorchSharp.torch;

namespace Privatar.Generators.Dpdm;

/// <summary>
/// DPDM's hyper-parameters, at the paper's MNIST/Fashion-MNIST values by default (configs/mnist_28): the 1,753,345-parameter
/// U-Net, expected batch 4096 for 300 epochs, K = 32 noise levels per example, C = 1, Adam 3e-4, EMA 0.999, label dropout
/// 0.1; the "v" parameterisation at target ε ≤ <see cref="VMaxEpsilon"/> (the paper's ε = 0.2 configs), EDM above;
/// DDIM with 50 steps and no guidance for the release.
/// </summary>
public sealed record DpdmSettings(
    int Nf = 32,
    int[]? ChannelMultipliers = null,
    int ResBlocks = 2,
    int[]? AttentionResolutions = null,
    int BatchSize = 4096,
    int Epochs = 300,
    long Steps = 0,
    int NoiseLevels = 32,
    double LearningRate = 3e-4,
    double EmaRate = 0.999,
    double PMean = NoiseLevels.PaperPMean,
    double PStd = NoiseLevels.PaperPStd,
    int RowsPerPass = 0,
    double LabelDropout = 0.1,
    double MaxGradNorm = 1.0,
    double VMaxEpsilon = 0.2,
    int SamplerSteps = 50,
    double Guidance = 0)
{
    public int[] Multipliers => ChannelMultipliers ?? [1, 2, 2];

    public int[] Attention => AttentionResolutions ?? [7];

    /// <summary>The denoiser's shape for images of <paramref name="size"/>² with one channel and 10 classes.</summary>
    public UNetConfig Network(int size) => new(size, 1, Nf, Multipliers, ResBlocks, Attention, ClassConditional.Classes);

    public SamplerConfig Sampler => new(SamplerKind.Ddim, SamplerSteps, Guidance: Guidance);

    public Parameterisation ParameterisationFor(double targetEpsilon) =>
        targetEpsilon <= VMaxEpsilon ? Parameterisation.V : Parameterisation.Edm;

    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentException($"batch_size: expected >= 1, got {BatchSize}");
        if (Epochs < 1) throw new ArgumentException($"epochs: expected >= 1, got {Epochs}");
        if (Steps < 0) throw new ArgumentException($"steps: expected >= 0 (0: epochs · ⌈N/B⌉), got {Steps}");
        if (NoiseLevels < 1) throw new ArgumentException($"noise_levels (K): expected >= 1, got {NoiseLevels}");
        if (!(VMaxEpsilon >= 0)) throw new ArgumentException($"v_max_epsilon: expected >= 0, got {VMaxEpsilon}");
        Network(28).Validate();
        Sampler.Validate();
        new DpdmConfig(BatchSize, NoiseLevels, 0, 0, MaxGradNorm, LearningRate, EmaRate, LabelDropout, PMean: PMean, PStd: PStd, RowsPerPass: RowsPerPass).Validate();
    }
}

/// <summary>
/// DPDM (Dockhorn et al. 2023): a class-conditional diffusion denoiser trained with DP-SGD and noise multiplicity (K noise
/// levels per example, averaged before clipping), then sampled label-balanced with DDIM. σ is calibrated for the target ε
/// over the Poisson rate and step count that run; K does not enter the accounting (one clipped gradient per example per
/// step), and ε is recomputed from the steps taken. <see cref="Method"/> is <c>dpdm</c>, or <c>dpdm-k&lt;K&gt;</c> for the
/// noise-multiplicity ablation, whose K the name fixes; both draw every stream from the <c>dpdm</c> unit, so the ablation
/// differs from the main run in K alone.
/// </summary>
public sealed class DpdmGenerator : IImageGenerator
{
    public const string Name = DpdmSeeds.Method;
    public const string MechanismName = "denoiser_dp_sgd";
    const string AblationPrefix = Name + "-k";

    readonly DpdmSettings settings;

    /// <summary><paramref name="method"/>: <c>dpdm</c> (K from the settings) or <c>dpdm-k&lt;K&gt;</c> (K from the name).</summary>
    public DpdmGenerator(DpdmSettings settings, string method = Name)
    {
        var k = AblationK(method);
        this.settings = k is { } K ? settings with { NoiseLevels = K } : settings;
        Method = method;
    }

    public string Method { get; }

    public DpdmSettings Settings => settings;

    /// <summary>The ablation's method id for K noise levels per example.</summary>
    public static string AblationName(int k) => k >= 1 ? AblationPrefix + k.ToString(CultureInfo.InvariantCulture)
        : throw new ArgumentException($"noise levels (K): expected >= 1, got {k}");

    /// <summary>Whether <paramref name="method"/> is DPDM's, and the K an ablation id fixes (null for <c>dpdm</c> itself).</summary>
    public static bool IsDpdm(string method) => method == Name || AblationKOrNull(method) is not null;

    static int? AblationKOrNull(string method) =>
        method.StartsWith(AblationPrefix, StringComparison.Ordinal)
        && int.TryParse(method.AsSpan(AblationPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var k) && k >= 1
        && AblationName(k) == method ? k : null;

    /// <summary>The K an ablation id fixes; null for <c>dpdm</c> itself (K from the settings).</summary>
    public static int? AblationK(string method) => method == Name ? null
        : AblationKOrNull(method) ?? throw new ArgumentException($"method: expected {Name} or {AblationPrefix}<K> (K >= 1), got '{method}'");

    /// <summary>
    /// DPDM's Opacus schedule on <paramref name="n"/> examples: q = 1/⌈N/B⌉ and epochs · ⌈N/B⌉ steps, or the settings'
    /// explicit step count (a CPU profile's budget is a number of steps, not of epochs).
    /// </summary>
    public (double SampleRate, long Steps) Schedule(long n)
    {
        var s = SamplingSchedule.For(AccountingConvention.Opacus, n, settings.BatchSize);
        return (s.SampleRate, settings.Steps > 0 ? settings.Steps : settings.Epochs * s.StepsPerEpoch);
    }

    /// <summary>σ for the request's target ε over <see cref="Schedule"/>; independent of K.</summary>
    public double CalibrateSigma(GeneratorRequest r)
    {
        var (q, steps) = Schedule(r.Train.Count);
        return NoiseMultiplier.ForEpsilon(r.TargetEpsilon, r.Delta, q, steps, r.Accountant);
    }

    /// <summary>The record of what ran: one Poisson-subsampled Gaussian mechanism, ε recomputed by a fresh accountant.</summary>
    public PrivacyRecord Record(GeneratorRequest r, double sigma, double sampleRate, long stepsRan) =>
        PrivacyRecord.Create(Method, r.Dataset, r.TargetEpsilon, r.Delta, r.Accountant,
            [new MechanismRecord(MechanismName, "add-remove", sigma, settings.MaxGradNorm, sampleRate, stepsRan)],
            r.Noise == NoiseMode.Release   // Poisson batches and DP noise then come from the OS CSPRNG, with no seed to record
                ? GeneratorStreams.Record(r.Seed, Name, SeedPurpose.GeneratorInit, SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorOutput)
                : GeneratorStreams.Record(r.Seed, Name, SeedPurpose.GeneratorInit, SeedPurpose.GeneratorSampling, SeedPurpose.GeneratorDpNoise,
                    SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorOutput),
            r.Noise);

    public GeneratorOutput Generate(GeneratorRequest request, GeneratorLog log)
    {
        request.Validate();
        settings.Validate();
        var root = request.Seed;
        var (n, h, w) = (request.Train.Count, request.Train.Height, request.Train.Width);
        if (h != w) throw new ArgumentException($"{request.Dataset}: DPDM's U-Net takes square images, got {h}x{w}");
        var netConfig = settings.Network(h);
        var (q, steps) = Schedule(n);
        var sigma = CalibrateSigma(request);
        var kind = settings.ParameterisationFor(request.TargetEpsilon);
        log(string.Create(CultureInfo.InvariantCulture,
            $"{Method}: σ = {sigma:G6} for ε = {request.TargetEpsilon} at δ = {request.Delta}: q = {q:G6}, {steps} steps, expected batch {settings.BatchSize}, K = {settings.NoiseLevels}, C = {settings.MaxGradNorm}, {kind}"));

        using var scope = NewDisposeScope();
        // Data space x·2 − 1, as DPDM scales MNIST and Fashion-MNIST.
        var (unitRange, labels) = request.Tensors();
        var images = (unitRange * 2 - 1).contiguous();

        using var network = new UNet(netConfig, GeneratorStreams.Derive(root, SeedPurpose.GeneratorInit, Name));
        log($"{Method}: U-Net nf {netConfig.Nf}, multipliers ({string.Join(", ", netConfig.ChannelMultipliers)}), {netConfig.ResBlocksPerLevel} blocks per level, attention at ({string.Join(", ", netConfig.AttentionResolutions)}): {network.parameters().Sum(p => p.numel()):N0} parameters");
        var config = new DpdmConfig(settings.BatchSize, settings.NoiseLevels, sigma, root, settings.MaxGradNorm, settings.LearningRate,
            settings.EmaRate, settings.LabelDropout, kind, settings.PMean, settings.PStd, settings.RowsPerPass);
        using var trainer = new DpdmTrainer(network, config, n, request.Accountant, request.Noise);
        if (trainer.Schedule.SampleRate != q) throw new InvalidOperationException($"trainer's q {trainer.Schedule.SampleRate} differs from the calibrated {q}");

        var ran = Train(trainer, images, labels, steps, log);

        using var ema = new UNet(netConfig, GeneratorStreams.Derive(root, SeedPurpose.GeneratorInit, Name));
        trainer.Ema.CopyTo(ema);
        var denoiser = new Denoiser(ema, kind);
        var set = Sample(denoiser, request.Samples, root, log);

        var privacy = Record(request, sigma, q, ran);
        log($"ε = {privacy.Epsilon:G6} at δ = {request.Delta} ({privacy.Accountant}; target {request.TargetEpsilon})");
        var weights = ModuleFiles.Bytes(ema);
        return new GeneratorOutput(set, privacy, WriteModel: dir => DenoiserCheckpoint.Write(dir, weights, netConfig, kind));
    }

    /// <summary>
    /// A label-balanced set of <paramref name="samples"/> from a trained denoiser, its noise from the output stream of
    /// <paramref name="root"/> (the unit's root seed for the release, a replicate's root for a resample). The stream is
    /// <c>dpdm</c>'s for every K, so the ablation's sets start from the same noise.
    /// </summary>
    public SyntheticSet Sample(Denoiser denoiser, int samples, ulong root, GeneratorLog log)
    {
        using var scope = NewDisposeScope();
        var clock = Stopwatch.StartNew();
        var balanced = ClassConditional.BalancedLabels(samples);
        var pixels = DiffusionSampler.SampleUnit(denoiser, tensor(balanced), settings.Sampler, OutputSeed(root));
        var size = denoiser.Network.Config.ImageSize;
        log(string.Create(CultureInfo.InvariantCulture, $"{Method}: {samples} samples ({settings.SamplerSteps} DDIM steps, guidance {settings.Guidance}) in {clock.Elapsed.TotalSeconds:F1} s"));
        return new SyntheticSet(pixels, balanced, size, size);
    }

    /// <summary>The sampler's noise seed under <paramref name="root"/>: <c>dpdm</c>'s output stream, whatever K.</summary>
    static ulong OutputSeed(ulong root) => GeneratorStreams.Derive(root, SeedPurpose.GeneratorOutput, Name);

    /// <summary>
    /// Replicate <paramref name="replicate"/> (>= 1) of the release in <paramref name="releaseDir"/>: a further set of
    /// <paramref name="samples"/> from its saved denoiser with this generator's sampler, its noise from the replicate's
    /// root. The privacy record is the release's (sampling is post-processing of it, so ε is unchanged), marked with the
    /// replicate and the output stream it drew.
    /// </summary>
    public GeneratorOutput Resample(string releaseDir, int samples, int replicate, GeneratorLog log)
    {
        if (replicate < 1) throw new ArgumentException($"replicate: expected >= 1 (0 is the release itself), got {replicate}");
        var privacyPath = Path.Combine(releaseDir, PrivacyRecord.FileName);
        var release = PrivacyRecord.Read(privacyPath);
        if (release.Method != Method) throw new InvalidDataException($"{privacyPath}: method '{release.Method}', expected '{Method}'");
        if (release.Replicate is not null)
            throw new InvalidDataException($"{privacyPath}: replicate {release.Replicate} of a release; draw replicates from the release's own folder");
        var root = (ulong)SeedStreams.ReplicateRoot(unchecked((long)release.Seeds.Root), replicate);
        log(string.Create(CultureInfo.InvariantCulture, $"{Method}: replicate {replicate} of {releaseDir} (ε = {release.Epsilon:G6}, unchanged)"));

        var denoiser = DenoiserCheckpoint.Read(releaseDir);
        using var network = denoiser.Network;
        var set = Sample(denoiser, samples, root, log);
        var seeds = new Dictionary<string, ulong>(release.Seeds.Derived) { [SeedPurpose.GeneratorOutput] = OutputSeed(root) };
        return new GeneratorOutput(set, release with { Seeds = release.Seeds with { Derived = seeds }, Replicate = replicate });
    }

    /// <summary>The DP-SGD steps; returns how many ran.</summary>
    static long Train(DpdmTrainer trainer, Tensor images, Tensor labels, long steps, GeneratorLog log)
    {
        var perEpoch = trainer.Schedule.StepsPerEpoch;
        var every = Math.Max(1, Math.Min(perEpoch, 50));
        var clock = Stopwatch.StartNew();
        double loss = 0, clipped = 0;
        long examples = 0, taken = 0, window = 0;
        var times = new StepTimes();
        for (; taken < steps; taken++)
        {
            var s = NoGc.Run(() => trainer.Step(images, labels));
            times.Add(s);
            (loss, clipped, examples, window) = (loss + s.MeanLoss, clipped + s.ClippedFraction, examples + s.BatchSize, window + 1);
            if ((taken + 1) % every != 0 && taken + 1 != steps) continue;
            NativeAllocator.ReturnFreePages();
            log(string.Create(CultureInfo.InvariantCulture,
                $"step {taken + 1}/{steps} (epoch {(double)(taken + 1) / perEpoch:F2}): loss {loss / window:F4}, clipped {clipped / window:P0}, {examples / (double)window:F0} examples per step, {clock.Elapsed.TotalSeconds / (taken + 1):F2} s per step"));
            (loss, clipped, examples, window) = (0, 0, 0, 0);
        }
        log(times.Summary());
        return taken;
    }
}
