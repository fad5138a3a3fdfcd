namespace Privatar.Noise;

/// <summary>
/// Constants hard-coded in the original scripts (dp_noise_generation_*.py), used only under
/// <see cref="NoiseFidelity.Original"/>. They are facts about that code, not experiment parameters.
/// </summary>
public static class OriginalArtifact
{
    /// <summary>posterious_successful_rate_list, keyed by mutual_info_bound_list. These are the Fano solutions for
    /// K = 65 cut to 2-3 digits, not rounded: 0.0968 became 0.09, 0.0358 became 0.035 (0.398 became 0.4).</summary>
    public static readonly IReadOnlyDictionary<double, double> PsrByMutualInformation = new Dictionary<double, double>
    {
        [4] = 0.98, [3] = 0.827, [1] = 0.4, [0.1] = 0.09, [0.01] = 0.035,
    };

    /// <summary>prior_successful_rate = 1/56, although the attack's frame list has 65 expressions.</summary>
    public const int PriorClasses = 56;

    /// <summary>for alpha in range(2, 20): integer Rényi orders 2..19.</summary>
    public const int AlphaMin = 2, AlphaMax = 19;

    /// <summary>minimal_sigma starts at 9999999999, so σ² can never exceed it (it caps silently).</summary>
    public const double SigmaSquaredCap = 9999999999;

    /// <summary>K of pac_psr_mi_calculation.py, the Fano equation the hard-coded PSRs were solved from.</summary>
    public const int EquationClasses = 65;

    /// <summary>The original's hard-coded PSR for an MI bound, or null when its lists have none.</summary>
    public static double? HardCodedPsr(double mutualInformation) =>
        PsrByMutualInformation.TryGetValue(mutualInformation, out var psr) ? psr : null;

    /// <summary>
    /// The PSR the original's DP script calibrates to: its hard-coded value where it lists one. For any other bound the
    /// original has no value, and one would extend its lists with what its own pac_psr_mi_calculation.py prints: the Fano
    /// root for K = 65, unrounded. The Noise step logs when it does so, and psr_bounds.csv leaves original_psr empty.
    /// </summary>
    public static double PsrFor(double mutualInformation) =>
        HardCodedPsr(mutualInformation) ?? PosteriorSuccess.FromMutualInformation(mutualInformation, EquationClasses).SuccessRate;
}
