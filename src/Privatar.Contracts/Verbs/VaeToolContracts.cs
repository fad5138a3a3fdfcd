using Privatar.Contracts.Codec;

namespace Privatar.Contracts.Verbs;

/// <summary><c>privatar vae init</c> (by hand): the untrained baseline, train's starting point, as a checkpoint folder.</summary>
public sealed record VaeInitArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["vae", "init"];
    public static string Description => "Write the untrained baseline (train's starting point: same seed, same init) as best_model.pt, model.pt, checkpoint.json";

    [Opt("Multiface subject root")] public required string Data { get; init; }
    [Opt("output folder (created)")] public required string Out { get; init; }
    [Opt("corrected or original (quirks of the original code)", Key = "train.fidelity")] public TrainingFidelity Fidelity { get; init; }
    [Opt("root seed", Key = "runtime.seed")] public long Seed { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "train.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }
    [Opt("cpu (the vae verbs run on the CPU)", Key = "runtime.device")] public string Device { get; init; } = "";
}

/// <summary><c>privatar vae export</c> (by hand): a trained model as a PyTorch state dict under the original's keys.</summary>
public sealed record VaeExportArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["vae", "export"];
    public static string Description => "Write a trained model as a PyTorch state dict (.pth) with the original's keys";

    [Opt("a train unit's folder (best_model.pt, model.pt, checkpoint.json)")] public required string CheckpointDir { get; init; }
    [Opt("true: export model.pt (the last iteration); absent or false: best_model.pt")] public bool? Last { get; init; }
    [Opt("the .pth file to write (atomically)")] public required string Out { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "runtime.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }
    [Opt("cpu (the vae verbs run on the CPU)", Key = "runtime.device")] public string Device { get; init; } = "";
}

/// <summary><c>privatar model describe</c> (by hand): parameter counts and decoder FLOPs of one configuration.</summary>
public sealed record ModelDescribeArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["model", "describe"];
    public static string Description => "Parameter counts per part and headset-side decoder FLOPs (original profiler convention and true MACs)";

    [Opt("the model configuration by its id: baseline, direct_split, quantization_bits8, sparse_ratio0.2, freq_decompose, partition_n14")] public required ModelConfig Model { get; init; }
    [Opt("texture side (4·4^s: 64, 256, 1024)", Key = "latency.tex_size")] public int TexSize { get; init; }
    [Opt("mesh vertices", Key = "latency.vertices")] public int Vertices { get; init; }
    [Opt("true: print JSON instead of a table; absent: a table")] public bool? Json { get; init; }
}

/// <summary>
/// <c>privatar env</c> (by hand, and the build's Env target): versions, device, threads and the compat fix. Without the
/// options (and without --profile) it reports libtorch's own defaults: the CPU, one thread per core.
/// </summary>
public sealed record EnvArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["env"];
    public static string Description => "Print TorchSharp, libtorch and .NET versions, the device, threads and whether the compat fix was applied";

    [Opt("cpu, cuda or cuda:N; absent: cpu, libtorch's default", Key = "runtime.device")] public string? Device { get; init; }
    [Opt("libtorch intra-op threads (0 = one per core); absent: libtorch's default", Key = "runtime.threads", AtLeast = 0, Stamped = false)] public int? Threads { get; init; }
}
