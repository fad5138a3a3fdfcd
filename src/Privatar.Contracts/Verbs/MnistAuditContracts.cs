using Privatar.Contracts.Codec;

namespace Privatar.Contracts.Verbs;

/// <summary>Which model a one-run audit trains: the study's CNN (mislabelled canaries) or its MLP VAE (crafted canaries).</summary>
public enum AuditModel { Classifier, Vae }

/// <summary>
/// <c>privatar mnist audit</c>: one audited training run (the MnistAudit step's units). Without a noise multiplier or a
/// target ε it trains non-privately; the DP keys are then optional and the unit does not declare them.
/// </summary>
public sealed record MnistAuditArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["mnist", "audit"];
    public static string Description => "One-run privacy audit: canaries, one (DP-SGD) training run, epsilon_lower and the loss-threshold MIA AUC (audit.json)";

    /// <summary>What the verb writes into <see cref="Out"/> (Privatar.DpSgd CanaryAudit.File; a test checks both agree).</summary>
    public const string File = "audit.json";

    [Opt("directory with the four MNIST IDX files")] public required string Data { get; init; }
    [Opt("folder for audit.json")] public required string Out { get; init; }
    [Opt("classifier (mislabelled canaries) or vae (crafted random-image canaries)")] public required AuditModel Model { get; init; }
    [Opt("DP-SGD noise multiplier σ; with neither this nor --target-epsilon the run is non-private", Above = 0)] public double? NoiseMultiplier { get; init; }
    [Opt("DP-SGD: calibrate σ to this ε at --delta for this run's own schedule", Above = 0)] public double? TargetEpsilon { get; init; }
    [Opt("canaries m, each inserted with probability 1/2", Key = "audit.canaries", AtLeast = 2)] public int Canaries { get; init; }
    [Opt("membership guesses r (half in, half out; the rest abstain)", Key = "audit.guesses", AtLeast = 1)] public int Guesses { get; init; }
    [Opt("confidence of epsilon_lower, in (0, 1)", Key = "audit.confidence", Above = 0)] public double Confidence { get; init; }
    [Opt("training and as many held-out examples for the loss-threshold AUC", Key = "audit.mia_examples", AtLeast = 1)] public int MiaExamples { get; init; }
    [Opt("training epochs of an audited CNN", Key = "audit.classifier_epochs", AtLeast = 1)] public int? ClassifierEpochs { get; init; }
    [Opt("training epochs of an audited VAE", Key = "audit.vae_epochs", AtLeast = 1)] public int? VaeEpochs { get; init; }
    [Opt("Adam learning rate", Key = "dpsgd.lr", Above = 0)] public double Lr { get; init; }
    [Opt("batch size (DP: expected batch when the sample rate is 0)", Key = "dpsgd.batch_size", AtLeast = 1)] public int BatchSize { get; init; }
    [Opt("first N training examples of the audited run's pool (0 = all)", Key = "audit.train_limit", AtLeast = 0)] public int TrainLimit { get; init; }
    [Opt("first N test examples (0 = all)", Key = "mnist.test_limit", AtLeast = 0)] public int TestLimit { get; init; }
    [Opt("root seed (model, canaries, membership, DP streams)", Key = "runtime.seed")] public long Seed { get; init; }
    [Opt("δ of the audit's bound and of the accountant", Key = "dpsgd.delta", Above = 0)] public double Delta { get; init; }
    [Opt("rdp or prv (DP runs: σ calibration and ε)", Key = "dpsgd.accountant")] public string? Accountant { get; init; }
    [Opt("DP-SGD per-example clip norm C", Key = "dpsgd.max_grad_norm")] public double? MaxGradNorm { get; init; }
    [Opt("DP-SGD Poisson sample rate q (0 = from the batch size and N)", Key = "dpsgd.sample_rate")] public double? SampleRate { get; init; }
    [Opt("ours or opacus: q and steps when the sample rate is 0", Key = "dpsgd.accounting_convention")] public string? AccountingConvention { get; init; }
    [Opt("privacy noise: reproducible (from the seed; not a DP release) or release (OS CSPRNG, no seed)", Key = "runtime.noise")] public Privatar.Core.NoiseMode? Noise { get; init; }
    [Opt("VAE latent dimension", Key = "dpsgd.latent_dim", AtLeast = 1)] public int? LatentDim { get; init; }
    [Opt("VAE training targets: original (standardised) or corrected (pixels)", Key = "dpsgd.vae_fidelity")] public string? VaeFidelity { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "dpsgd.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }

    /// <summary>Whether the run is DP-SGD (a σ or a target ε given).</summary>
    public bool IsPrivate => NoiseMultiplier is not null || TargetEpsilon is not null;

    /// <summary>The epochs of this model's run: each model has its own, since the VAE needs many more to fit its canaries.</summary>
    public int RunEpochs() => (Model == AuditModel.Vae ? VaeEpochs : ClassifierEpochs)
        ?? throw new ArgumentException($"--{ContractCodec.Snake(Model.ToString())}-epochs: required for a {ContractCodec.Snake(Model.ToString())} audit");
}

/// <summary><c>privatar mnist audit-gather</c>: results/privacy_audit.csv from every audit folder, ε recomputed by one accountant.</summary>
public sealed record MnistAuditGatherArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["mnist", "audit-gather"];
    public static string Description => "privacy_audit.csv: accountant epsilon (recomputed) beside each audit's epsilon_lower and MIA AUC";

    [Opt("results folder for privacy_audit.csv")] public required string Results { get; init; }
    [Opt("folder of an audit run, <model>/<run> (repeat)")] public IReadOnlyList<string> Audit { get; init; } = [];
    [Opt("δ of the reported ε (each audit must have used it)", Key = "dpsgd.delta", Above = 0)] public double Delta { get; init; }
    [Opt("rdp or prv", Key = "dpsgd.accountant")] public string Accountant { get; init; } = "";
}
