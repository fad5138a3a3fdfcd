using Privatar.Contracts.Codec;
using Privatar.Core;
using Privatar.Noise;

namespace Privatar.Contracts.Verbs;

/// <summary>
/// <c>privatar vae noisy-test</c> (the NoisyInference step's clean and per-fidelity, per-MI units): trained models tested
/// with DP or PAC noise on the latent each offloads. The noise fields are optional because the clean unit reads no noise,
/// and K and the clip bound only matter under fidelity corrected; the verb names whichever a noisy case lacks.
/// </summary>
public sealed record NoisyTestArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["vae", "noisy-test"];
    public static string Description => "Test trained models with noise on their offloaded latent (NoisyInference); writes noisy_inference.csv rows";

    [Opt("Multiface subject root")] public required string Data { get; init; }
    [Opt("CSV to write (noisy_inference.csv schema)")] public required string Out { get; init; }
    [Opt("train unit folders (best_model.pt + checkpoint.json); repeat for several models")] public IReadOnlyList<string> CheckpointDir { get; init; } = [];
    [Opt("none (clean reference), dp or pac; repeat for several. pac applies to direct split and partition (the original writes no PAC noise for the baseline)")]
    public IReadOnlyList<string> Mechanism { get; init; } = [];
    [Opt("one fidelity's noise folder (artifacts/<profile>/noise/<fidelity>); with dp or pac")] public string? NoiseDir { get; init; }
    [Opt("corrected or original: how the noise files were made; with dp or pac")] public NoiseFidelity? Fidelity { get; init; }
    [Opt("MI bound of the noise files (nats); with dp or pac")] public double? Mi { get; init; }
    [Opt("K of the corrected PSR bound recorded with each row (fidelity corrected)", Key = "noise.classes")] public int? Classes { get; init; }
    [Opt("corrected DP: each offloaded latent row is clipped to this L2 norm before noise", Key = "noise.dp_clip_bound")] public double? ClipBound { get; init; }
    [Opt("test batches (as vae test)", Key = "test.batches")] public int Batches { get; init; }
    [Opt("test batch size", Key = "test.batch_size")] public int BatchSize { get; init; }
    [Opt("folder of converted AlexNet-LPIPS .npy weights, or 'none'", Key = "test.lpips_weights")] public string LpipsWeights { get; init; } = "";
    [Opt("root seed (latent sampling as the test; the noise seed derives from it and the model id)", Key = "runtime.seed")] public long Seed { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "train.threads", Stamped = false)] public int Threads { get; init; }
    [Opt("cpu (the VAE verbs run on the CPU)", Key = "runtime.device")] public string Device { get; init; } = "";
    [Opt("privacy noise: reproducible (from the seed; not a DP release) or release (OS CSPRNG, no seed); with dp or pac", Key = "runtime.noise")]
    public NoiseMode? Noise { get; init; }
}

/// <summary><c>privatar vae noisy-gather</c>: the NoisyInference units' slices into noisy_inference.csv.</summary>
public sealed record NoisyGatherArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["vae", "noisy-gather"];
    public static string Description => "Merge per-unit noisy-inference CSVs into noisy_inference.csv (validated, sorted)";

    [Opt("per-unit noisy_inference CSVs; repeat")] public IReadOnlyList<string> Slices { get; init; } = [];
    [Opt("merged noisy_inference.csv")] public required string Out { get; init; }
}

/// <summary>
/// <c>privatar vae noisy-grid</c> (the NoisyInference step's grid unit): the photo, clean models, and one model with DP and
/// PAC noise at [noisy_inference] grid_mi. K and the clip bound only matter under fidelity corrected.
/// </summary>
public sealed record NoisyGridArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["vae", "noisy-grid"];
    public static string Description => "Texture and render comparison grid: photo, clean models, one model with DP and PAC noise";

    [Opt("Multiface subject root")] public required string Data { get; init; }
    [Opt("results folder: writes reconstruction_grid.csv and reconstruction_grid/*.png there")] public required string Results { get; init; }
    [Opt("train folders of the models shown clean, in column order (repeat)")] public IReadOnlyList<string> Clean { get; init; } = [];
    [Opt("train folder of the model shown with dp and pac noise")] public required string Noisy { get; init; }
    [Opt("the fidelity's noise folder (artifacts/<profile>/noise/<fidelity>)")] public required string NoiseDir { get; init; }
    [Opt("corrected or original: how the noise files were made")] public NoiseFidelity Fidelity { get; init; }
    [Opt("MI bound of the noise shown (nats; one of noise.mi_bounds)", Key = "noisy_inference.grid_mi")] public double Mi { get; init; }
    [Opt("K of the corrected PSR bound (fidelity corrected)", Key = "noise.classes")] public int? Classes { get; init; }
    [Opt("corrected DP: the latent row is clipped to this L2 norm before noise", Key = "noise.dp_clip_bound")] public double? ClipBound { get; init; }
    [Opt("test samples (rows), evenly spaced over the test split", Key = "noisy_inference.grid_samples", AtLeast = 1)] public int Samples { get; init; }
    [Opt("root seed (latent sampling; the noise seed derives from it and the model id)", Key = "runtime.seed")] public long Seed { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "train.threads", Stamped = false)] public int Threads { get; init; }
    [Opt("cpu (the VAE verbs run on the CPU)", Key = "runtime.device")] public string Device { get; init; } = "";
    [Opt("privacy noise: reproducible (from the seed; not a DP release) or release (OS CSPRNG, no seed)", Key = "runtime.noise")] public NoiseMode Noise { get; init; }
}
