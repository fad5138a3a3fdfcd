using Privatar.Contracts.Codec;

namespace Privatar.Contracts.Verbs;

/// <summary>How faithfully training reproduces the original code's quirks ([train] fidelity; Privatar.Models Fidelity).</summary>
public enum TrainingFidelity { Corrected, Original }

/// <summary>Which per-unit CSVs <c>vae gather</c> merges (the Train step's curves or the Evaluate step's metrics).</summary>
public enum VaeGatherFamily { TrainingCurves, TestMetrics }

/// <summary>
/// <c>privatar vae train</c>: one model configuration (the Train step's units). Its iteration count is the variant's own
/// key, the only variant-specific key a unit reads, so changing one variant's length reruns only its units.
/// </summary>
public sealed record VaeTrainArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["vae", "train"];
    public static string Description => "Train one model configuration; writes best_model.pt, model.pt, checkpoint.json, training_curves.csv";

    [Opt("Multiface subject root")] public required string Data { get; init; }
    [Opt("the model configuration by its id: baseline, direct_split, quantization_bits8, sparse_ratio0.5, freq_decompose, partition_n8")] public required ModelConfig Model { get; init; }
    [Opt("output folder (created)")] public required string Out { get; init; }
    [Opt("the trained baseline's best checkpoint (every variant but baseline starts from it)")] public string? Baseline { get; init; }
    [Opt("the original's pretrained checkpoint (PyTorch state dict, .pth): every variant starts from it instead of --baseline")] public string? Pretrained { get; init; }
    [Opt("training iterations", Key = "train.{variant}_max_iter", AtLeast = 1)] public int MaxIter { get; init; }
    [Opt("validate every this many iterations", Key = "train.val_every", AtLeast = 1)] public int ValEvery { get; init; }
    [Opt("validation uses val_num + 1 test batches", Key = "train.val_num", AtLeast = 0)] public int ValNum { get; init; }
    [Opt("training batch size", Key = "train.batch_size", AtLeast = 1)] public int BatchSize { get; init; }
    [Opt("weight of the screen loss (0 skips rendering)", Key = "train.lambda_screen", AtLeast = 0)] public double LambdaScreen { get; init; }
    [Opt("corrected or original (quirks of the original code)", Key = "train.fidelity")] public TrainingFidelity Fidelity { get; init; }
    [Opt("root seed", Key = "runtime.seed")] public long Seed { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "train.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }
    [Opt("cpu (the vae verbs run on the CPU)", Key = "runtime.device")] public string Device { get; init; } = "";
}

/// <summary><c>privatar vae test</c>: one trained model (the Evaluate step's units).</summary>
public sealed record VaeTestArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["vae", "test"];
    public static string Description => "Test one trained model; writes test_metrics.csv, z.npy (+ z_offload.npy), samples.tsv";

    [Opt("Multiface subject root")] public required string Data { get; init; }
    [Opt("a train unit's folder (best_model.pt + checkpoint.json)")] public required string CheckpointDir { get; init; }
    [Opt("output folder (created)")] public required string Out { get; init; }
    [Opt("test batches (the original: val_num + 1 = 65)", Key = "test.batches", AtLeast = 1)] public int Batches { get; init; }
    [Opt("test batch size", Key = "test.batch_size", AtLeast = 1)] public int BatchSize { get; init; }
    [Opt("folder of converted AlexNet-LPIPS .npy weights, or 'none'", Key = "test.lpips_weights")] public string LpipsWeights { get; init; } = "";
    [Opt("root seed", Key = "runtime.seed")] public long Seed { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "train.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }
    [Opt("cpu (the vae verbs run on the CPU)", Key = "runtime.device")] public string Device { get; init; } = "";
    [Opt("true: skip (and count) samples whose texture is missing instead of failing; absent: false")] public bool? AllowMissingSamples { get; init; }
}

/// <summary><c>privatar vae gather</c>: the Train and Evaluate steps' last unit, merging their per-unit CSVs.</summary>
public sealed record VaeGatherArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["vae", "gather"];
    public static string Description => "Merge per-unit result CSVs into the family file (validated, sorted)";

    [Opt("training_curves or test_metrics: the family of the slices")] public required VaeGatherFamily Family { get; init; }
    [Opt("per-unit CSVs of that family; repeat for each")] public IReadOnlyList<string> Slices { get; init; } = [];
    [Opt("merged CSV")] public required string Out { get; init; }
}

/// <summary><c>privatar vae latency</c>: one configuration's decoder paths timed (the Latency step's units).</summary>
public sealed record VaeLatencyArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["vae", "latency"];
    public static string Description => "Time one configuration's decoder paths at batch 1 (wall times: a measurement, not reproducible bytes)";

    [Opt("the model configuration by its id (e.g. partition_n8)")] public required ModelConfig Model { get; init; }
    [Opt("latency CSV to write (latency.csv schema)")] public required string Out { get; init; }
    [Opt("texture size of the timed model", Key = "latency.tex_size")] public int TexSize { get; init; }
    [Opt("mesh vertices of the timed model", Key = "latency.vertices")] public int Vertices { get; init; }
    [Opt("untimed calls", Key = "latency.warmup", AtLeast = 0)] public int Warmup { get; init; }
    [Opt("timed calls at least", Key = "latency.min_iterations", AtLeast = 1)] public int MinIterations { get; init; }
    [Opt("timed calls at most", Key = "latency.max_iterations", AtLeast = 1)] public int MaxIterations { get; init; }
    [Opt("calls between convergence checks", Key = "latency.check_every", AtLeast = 1)] public int CheckEvery { get; init; }
    [Opt("stop when the median's CI half-width is below this fraction", Key = "latency.target_relative_half_width")] public double TargetRelativeHalfWidth { get; init; }
    [Opt("normal quantile of the CI", Key = "latency.confidence_z")] public double ConfidenceZ { get; init; }
    [Opt("time budget of the timed phase (0 = none)", Key = "latency.max_seconds")] public double MaxSeconds { get; init; }
    [Opt("root seed (the model's initialisation)", Key = "runtime.seed")] public long Seed { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "runtime.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }
    [Opt("cpu (the vae verbs run on the CPU)", Key = "runtime.device")] public string Device { get; init; } = "";
}

/// <summary>
/// <c>privatar vae capacity</c>: the Latency step's last unit, merging the latency CSVs and computing users supported
/// from [capacity]. A headset is named in --headsets and costed by its own keys (quest_pro, quest_3).
/// </summary>
public sealed record VaeCapacityArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["vae", "capacity"];
    public static string Description => "Merge latency CSVs and compute users supported per configuration and headset";

    [Opt("per-configuration latency CSVs (from vae latency); repeat for each")] public IReadOnlyList<string> Latency { get; init; } = [];
    [Opt("merged latency.csv")] public required string OutLatency { get; init; }
    [Opt("capacity.csv")] public required string OutCapacity { get; init; }
    [Opt("texture size the latencies were measured at", Key = "latency.tex_size")] public int TexSize { get; init; }
    [Opt("frames per second the users share (1: decodes per second)", Key = "capacity.frame_rate_hz", Above = 0)] public double FrameRateHz { get; init; }
    [Opt("headsets to report (quest_pro, quest_3)", Key = "capacity.headsets")] public IReadOnlyList<string> Headsets { get; init; } = [];
    [Opt("Quest Pro: seconds of the full baseline decoder", Key = "capacity.quest_pro_baseline_seconds", AtLeast = 0)] public double QuestProBaselineSeconds { get; init; }
    [Opt("Quest Pro: achieved FLOP/s (> 0 wins over the baseline seconds)", Key = "capacity.quest_pro_flops", AtLeast = 0)] public double QuestProFlops { get; init; }
    [Opt("Quest 3: seconds of the full baseline decoder", Key = "capacity.quest_3_baseline_seconds", AtLeast = 0, Name = "--quest-3-baseline-seconds")] public double Quest3BaselineSeconds { get; init; }
    [Opt("Quest 3: achieved FLOP/s (> 0 wins over the baseline seconds)", Key = "capacity.quest_3_flops", AtLeast = 0, Name = "--quest-3-flops")] public double Quest3Flops { get; init; }
    [Opt("the cloud's speed-up over the measuring machine", Key = "capacity.cloud_relative_throughput", AtLeast = 0)] public double CloudRelativeThroughput { get; init; }
    [Opt("the cloud's achieved FLOP/s (> 0 wins over the relative throughput)", Key = "capacity.cloud_flops", AtLeast = 0)] public double CloudFlops { get; init; }
    [Opt("downlink in Mbit/s", Key = "capacity.downlink_mbps", Above = 0)] public double DownlinkMbps { get; init; }
    [Opt("uplink in Mbit/s", Key = "capacity.uplink_mbps", Above = 0)] public double UplinkMbps { get; init; }
    [Opt("bytes per offloaded element", Key = "capacity.bytes_per_element", AtLeast = 1)] public int BytesPerElement { get; init; }
}

/// <summary><c>privatar vae covariance</c>: the Covariance step's unit.</summary>
public sealed record VaeCovarianceArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["vae", "covariance"];
    public static string Description => "Per-frequency covariance statistic (original and corrected) over attack frames x test cameras";

    [Opt("Multiface subject root")] public required string Data { get; init; }
    [Opt("frequency_covariance.csv to write")] public required string Out { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "runtime.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }
    [Opt("cpu (the vae verbs run on the CPU)", Key = "runtime.device")] public string Device { get; init; } = "";
}
