using Privatar.Accounting;
using Privatar.Core;
using Privatar.DpSgd.Data;
using Privatar.DpSgd.Engine;
using Privatar.DpSgd.Models;
using Privatar.DpSgd.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.DpVae;

/// <summary>
/// The DP-VAE study's settings as a generator (defaults: the study's, see Privatar.DpSgd). <see cref="StatsBudgetShare"/>
/// applies to <c>corrected</c> only: the class-statistics release gets the σ that spends that share of the target ε on
/// its own, and DP-SGD's σ is then calibrated so that the two compose to the target.
/// </summary>
public sealed record DpVaeSettings(
    Fidelity Fidelity,
    TrainConfig Train,
    double MaxGradNorm = 1.2,
    int LatentDim = 20,
    double StatsClip = 5,
    double StatsBudgetShare = 0.5,
    AccountingConvention Convention = AccountingConvention.Ours)
{
    public void Validate()
    {
        Train.Validate();
        if (!(MaxGradNorm > 0)) throw new ArgumentException($"max_grad_norm: expected > 0, got {MaxGradNorm}");
        if (LatentDim < 1) throw new ArgumentException($"latent_dim: expected >= 1, got {LatentDim}");
        if (!(StatsClip > 0)) throw new ArgumentException($"stats_clip: expected > 0, got {StatsClip}");
        if (!(StatsBudgetShare > 0 && StatsBudgetShare < 1)) throw new ArgumentException($"stats_budget_share: expected in (0, 1), got {StatsBudgetShare}");
    }
}

/// <summary>
/// The MNIST study's DP-VAE as a method of the benchmark: the MLP VAE trained with DP-SGD, per-class latent means and
/// stds of the private set, and images decoded from z = mean_c + std_c ⊙ N(0, I), balanced over the classes. Under
/// <c>original</c> the VAE reconstructs standardised targets and the statistics are exact (the study's leak: ε = ∞ is
/// what the record then says); under <c>corrected</c> it reconstructs pixels and the statistics go through a Gaussian
/// mechanism composed with DP-SGD. The decoder's Sigmoid output is the released pixel value in both.
/// </summary>
public sealed class DpVaeGenerator(DpVaeSettings settings) : IImageGenerator
{
    public const string SgdMechanism = "vae_dp_sgd";

    public static string MethodName(Fidelity fidelity) => $"dp-vae-{fidelity.ToString().ToLowerInvariant()}";

    public string Method => MethodName(settings.Fidelity);

    /// <summary>σ of DP-SGD and of the statistics release (0 under <c>original</c>) for a private set of n examples.</summary>
    public (double Sgd, double Stats) CalibrateSigmas(GeneratorRequest r)
    {
        var schedule = new DpConfig(0, settings.MaxGradNorm, 0, settings.Convention).Schedule(r.Train.Count, settings.Train.BatchSize);
        var steps = schedule.StepsPerEpoch * settings.Train.Epochs;
        if (settings.Fidelity == Fidelity.Original)
            return (NoiseMultiplier.ForEpsilon(r.TargetEpsilon, r.Delta, schedule.SampleRate, steps, r.Accountant), 0);
        var stats = NoiseMultiplier.ForEpsilon(settings.StatsBudgetShare * r.TargetEpsilon, r.Delta, 1.0, 1, r.Accountant);
        var sgd = Calibration.Sigma(r.TargetEpsilon, r.Delta, r.Accountant,
            s => [Sgd(s, schedule.SampleRate, steps), Stats(stats)]);
        return (sgd, stats);
    }

    MechanismRecord Sgd(double sigma, double q, long steps) => new(SgdMechanism, "add-remove", sigma, settings.MaxGradNorm, q, steps);

    MechanismRecord Stats(double sigma) =>
        sigma > 0
            ? new("class_latent_stats", "add-remove", sigma, Math.Sqrt(2 * settings.StatsClip * settings.StatsClip + 1), 1.0, 1)
            : new("class_latent_stats_exact", "none (no noise)", 0, 1, 1.0, 1);

    public GeneratorOutput Generate(GeneratorRequest request, GeneratorLog log)
    {
        request.Validate();
        settings.Validate();
        if (request.Train.Height * request.Train.Width != 784)
            throw new ArgumentException($"{request.Dataset}: the study's MLP VAE takes 28×28 images, got {request.Train.Height}×{request.Train.Width}");
        var root = request.Seed;
        ulong Seed(string purpose) => GeneratorStreams.Derive(root, purpose, Method);
        var (sgdSigma, statsSigma) = CalibrateSigmas(request);
        log($"{Method}: DP-SGD σ = {sgdSigma:G6}" + (statsSigma > 0 ? $", statistics σ = {statsSigma:G6}" : ", exact statistics (no DP)"));

        using var train = MnistTensors.From(request.Train);
        // The per-epoch loss is logged on the first 1000 private images: a generator is never given the real test split.
        using var monitor = MnistTensors.From(request.Train, Math.Min(1000, request.Train.Count));
        var cfg = settings.Train with { Seed = Seed(SeedPurpose.GeneratorTraining), Noise = request.Noise };
        var dp = new DpConfig(sgdSigma, settings.MaxGradNorm, 0, settings.Convention);
        random.manual_seed((long)Seed(SeedPurpose.GeneratorInit));
        using var vae = new MlpVae(settings.LatentDim);
        var result = VaeTraining.Run(vae, train, monitor, cfg, dp, settings.Fidelity, line => log(line));

        var stats = settings.Fidelity == Fidelity.Original
            ? Synthesis.ExactStats(vae, train)
            : Synthesis.PrivateStats(vae, train, statsSigma, settings.StatsClip, Seed(SeedPurpose.GeneratorRelease), request.Noise).Stats;
        var set = Sample(vae, stats, request.Samples, request.Train.Height, request.Train.Width, Seed(SeedPurpose.GeneratorOutput));

        var privacy = PrivacyRecord.Create(Method, request.Dataset, request.TargetEpsilon, request.Delta, request.Accountant,
            [Sgd(sgdSigma, result.SampleRate, result.Steps), Stats(statsSigma)],
            // Under release noise the statistics' noise has no seed to record; the training stream still shuffles and
            // initialises, while DP-SGD's sampling and noise come from the OS CSPRNG.
            request.Noise == NoiseMode.Release
                ? GeneratorStreams.Record(root, Method, SeedPurpose.GeneratorInit, SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorOutput)
                : GeneratorStreams.Record(root, Method, SeedPurpose.GeneratorInit, SeedPurpose.GeneratorTraining, SeedPurpose.GeneratorRelease,
                    SeedPurpose.GeneratorOutput),
            request.Noise);
        log($"ε = {privacy.Epsilon:G6} at δ = {request.Delta} ({privacy.Accountant}; target {request.TargetEpsilon})");
        return new GeneratorOutput(set, privacy);
    }

    static SyntheticSet Sample(MlpVae vae, ClassStats stats, int samples, int height, int width, ulong seed)
    {
        vae.eval();
        using var rng = new Generator(seed);
        using var means = tensor(stats.Means);
        using var stds = tensor(stats.Stds);
        var d = means.shape[1];
        return ClassConditional.Sample(
            y => vae.Decode(means.index_select(0, y) + stds.index_select(0, y) * randn([y.shape[0], d], generator: rng)).view(-1, 1, height, width),
            samples, height, width);
    }
}
