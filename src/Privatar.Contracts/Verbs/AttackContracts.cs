using Privatar.Contracts.Codec;
using Privatar.Noise;

namespace Privatar.Contracts.Verbs;

/// <summary>
/// <c>privatar attack run</c> (both attacks; the Attack step's units), and by hand <c>attack empirical</c> or <c>attack nn</c>:
/// one partition model and one MI bound (or none), under each listed fidelity. The NN options apply to run and nn.
/// </summary>
public sealed record AttackArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["attack", "run"];
    public static string Description => "Both attacks on one model and MI bound, for each fidelity (one pipeline unit)";

    [Opt("Multiface subject root (attack frames x the 'attack' camera set)")] public required string Data { get; init; }
    [Opt("a partition train unit's folder (best_model.pt + checkpoint.json)")] public required string CheckpointDir { get; init; }
    [Opt("attacks.csv slice to write")] public required string Out { get; init; }
    [Opt("MI bound in nats of the dp and pac noise; absent: no noise")] public double? Mi { get; init; }
    [Opt("the Noise step's noise/ folder, holding one <fidelity>/ folder each (with --mi)")] public string? NoiseRoot { get; init; }
    [Opt("corrected and/or original (noise file choice; nn: gradient zeroing); repeat for both", Key = "noise.fidelities")] public IReadOnlyList<NoiseFidelity> Fidelity { get; init; } = [];
    [Opt("corrected DP: z_offload rows are clipped to this L2 norm before noise", Key = "noise.dp_clip_bound")] public double? DpClipBound { get; init; }
    [Opt("root seed (latent samples, noise draws, attacker init)", Key = "runtime.seed")] public long Seed { get; init; }
    [Opt("privacy noise: reproducible (from the seed; not a DP release) or release (OS CSPRNG, no seed)", Key = "runtime.noise")] public Privatar.Core.NoiseMode Noise { get; init; }
    [Opt("libtorch threads (0 = one per core)", Key = "attack.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }
    [Opt("NN attacker hidden width (original 128)", Key = "attack.nn_hidden", AtLeast = 1)] public int Hidden { get; init; }
    [Opt("NN attacker training epochs under fidelity original (the launcher's 10)", Key = "attack.nn_epochs", AtLeast = 1)] public int Epochs { get; init; }
    [Opt("NN attacker SGD learning rate under fidelity original (the launcher's 1e-4)", Key = "attack.nn_lr", Above = 0)] public double Lr { get; init; }
    [Opt("NN attacker training epochs under fidelity corrected", Key = "attack.nn_corrected_epochs", AtLeast = 1)] public int CorrectedEpochs { get; init; }
    [Opt("NN attacker SGD learning rate under fidelity corrected (gradients zeroed each step)", Key = "attack.nn_corrected_lr", Above = 0)] public double CorrectedLr { get; init; }
    [Opt("NN attacker SGD momentum (original 0)", Key = "attack.nn_momentum")] public double Momentum { get; init; }
    [Opt("NN attacker training batch size (original 1)", Key = "attack.nn_batch_size", AtLeast = 1)] public int BatchSize { get; init; }
    [Opt("encoder samples per frame per epoch for the NN attacker (original 1)", Key = "attack.nn_latent_draws", AtLeast = 1)] public int LatentDraws { get; init; }
}

/// <summary><c>privatar attack gather</c>: the Attack units' slices into results/attacks.csv.</summary>
public sealed record AttackGatherArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["attack", "gather"];
    public static string Description => "Merge attack slices into results/attacks.csv (validated, sorted)";

    [Opt("attacks.csv slices of the attack units; repeat")] public IReadOnlyList<string> Slices { get; init; } = [];
    [Opt("attacks.csv to write")] public required string Out { get; init; }
}
