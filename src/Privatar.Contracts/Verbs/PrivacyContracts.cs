using Privatar.Contracts.Codec;

namespace Privatar.Contracts.Verbs;

/// <summary>How <c>privacy sigma</c> searches σ: a precise root, or Opacus's get_noise_multiplier bisection.</summary>
public enum SigmaSearch { Precise, Opacus }

/// <summary>
/// <c>privatar privacy epsilon</c>, by hand: the ε of Poisson-subsampled Gaussian steps. δ and the accountant are the
/// DP-SGD study's ([dpsgd] delta, accountant); the RDP conversion and PRV error have no cake.config home.
/// </summary>
public sealed record PrivacyEpsilonArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["privacy", "epsilon"];
    public static string Description => "Print the ε spent by `steps` Poisson-subsampled Gaussian steps at (σ, q), for δ";

    [Opt("noise multiplier σ (noise std / clipping norm)")] public double Sigma { get; init; }
    [Opt("Poisson sampling rate q = expected batch / dataset size")] public double SampleRate { get; init; }
    [Opt("number of DP-SGD steps")] public long Steps { get; init; }
    [Opt("target δ", Key = "dpsgd.delta", Above = 0)] public double Delta { get; init; }
    [Opt("rdp (Rényi DP, Opacus's RDPAccountant) or prv (Gopi et al. numerical composition)", Key = "dpsgd.accountant")] public string Accountant { get; init; } = "";
    [Opt("RDP to (ε, δ): improved (Balle et al. 2020, Opacus; when absent) or classic (TF Privacy tutorials)")] public string? Conversion { get; init; }
    [Opt("PRV only: allowed ε error, added to the reported upper bound (absent: 0.01, Opacus's)")] public double? EpsError { get; init; }
}

/// <summary><c>privatar privacy sigma</c>, by hand: the σ reaching a target ε; δ and the accountant as <see cref="PrivacyEpsilonArgs"/>.</summary>
public sealed record PrivacySigmaArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["privacy", "sigma"];
    public static string Description => "Print the noise multiplier σ that reaches a target ε at δ for the given q and epochs (or steps)";

    [Opt("target ε")] public double Epsilon { get; init; }
    [Opt("Poisson sampling rate q")] public double SampleRate { get; init; }
    [Opt("training epochs; steps = int(epochs / q) as in Opacus")] public double? Epochs { get; init; }
    [Opt("number of steps (instead of --epochs)")] public long? Steps { get; init; }
    [Opt("target δ", Key = "dpsgd.delta", Above = 0)] public double Delta { get; init; }
    [Opt("rdp (Rényi DP, Opacus's RDPAccountant) or prv (Gopi et al. numerical composition)", Key = "dpsgd.accountant")] public string Accountant { get; init; } = "";
    [Opt("RDP to (ε, δ): improved (Balle et al. 2020, Opacus; when absent) or classic (TF Privacy tutorials)")] public string? Conversion { get; init; }
    [Opt("PRV only: allowed ε error, added to the reported upper bound (absent: 0.01, Opacus's)")] public double? EpsError { get; init; }
    [Opt("precise (Brent root, smallest safe σ; when absent) or opacus (get_noise_multiplier's bisection, ε tolerance 0.01)")] public SigmaSearch? Search { get; init; }
}
