using Privatar.Contracts.Codec;
using Privatar.Noise;

namespace Privatar.Contracts.Verbs;

/// <summary><c>privatar privacy psr</c>: the posterior success rate each MI bound allows against K classes.</summary>
public sealed record PsrArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["privacy", "psr"];
    public static string Description => "Posterior success rate a mutual-information bound allows (Fano-type bound, K classes)";

    [Opt("mutual-information bound in nats; repeat for several")] public IReadOnlyList<double> Mi { get; init; } = [];
    [Opt("K equally likely candidates; the prior is 1/K", Key = "noise.classes")] public int Classes { get; init; }
}

/// <summary>
/// <c>privatar noise dp</c>, by hand: the Noise step's DP noise of one latent matrix. K and the clip bound are read under
/// fidelity corrected only (the original uses its hard-coded PSRs and ‖Z‖_F).
/// </summary>
public sealed record NoiseDpArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["noise", "dp"];
    public static string Description => "RDP Gaussian noise calibrated to the PSR of an MI bound; writes the (d,) covariance-diagonal vector";

    [Opt("T×d float32/float64 .npy latent matrix")] public required string Latents { get; init; }
    [Opt("mutual-information bound in nats")] public double Mi { get; init; }
    [Opt("original or corrected")] public NoiseFidelity Fidelity { get; init; }
    [Opt("corrected: K equally likely candidates; the prior is 1/K", Key = "noise.classes")] public int? Classes { get; init; }
    [Opt("corrected: per-user latent L2 clip bound C (sensitivity 2C)", Key = "noise.dp_clip_bound")] public double? ClipBound { get; init; }
    [Opt("where to write the noise vector (.npy, float64)")] public required string Out { get; init; }
    [Opt("also write the latents plus one seeded noise draw per row (.npy)")] public string? SampleOut { get; init; }
    [Opt("seed of the --sample-out draw", Key = "runtime.seed")] public int? Seed { get; init; }
}

/// <summary><c>privatar noise pac</c>, by hand: the Noise step's PAC noise of one latent matrix.</summary>
public sealed record NoisePacArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["noise", "pac"];
    public static string Description => "PAC noise from the latent covariance's SVD; writes the (d,) per-direction variance vector";

    [Opt("T×d float32/float64 .npy latent matrix")] public required string Latents { get; init; }
    [Opt("mutual-information bound in nats")] public double Mi { get; init; }
    [Opt("original or corrected")] public NoiseFidelity Fidelity { get; init; }
    [Opt("where to write the noise vector (.npy, float64)")] public required string Out { get; init; }
    [Opt("corrected: where to write the eigenvector basis u (absent: <out>.basis.npy)")] public string? BasisOut { get; init; }
    [Opt("also write the latents plus one seeded noise draw per row (.npy)")] public string? SampleOut { get; init; }
    [Opt("seed of the --sample-out draw", Key = "runtime.seed")] public int? Seed { get; init; }
}
