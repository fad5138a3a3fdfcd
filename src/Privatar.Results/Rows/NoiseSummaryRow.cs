using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// <c>noise_summary.csv</c>: one row per generated noise file (Noise): mechanism, fidelity, branch, n and MI
/// bound, the PSR the bound implies, and the magnitude of the noise vector.
/// </summary>
[CsvRecord]
public sealed partial record NoiseSummaryRow : IValidatedRow
{
    /// <summary><c>dp</c> (Rényi-DP Gaussian) or <c>pac</c> (PAC-privacy anisotropic Gaussian, the paper's DAMP).</summary>
    [CsvColumn("mechanism")] public string Mechanism { get; init; } = "";
    /// <summary><c>original</c> (the original code's computation) or <c>corrected</c> (the paper/theory).</summary>
    [CsvColumn("fidelity")] public string Fidelity { get; init; } = "";
    /// <summary><c>baseline</c> (fully offloaded), <c>local</c>, <c>offload</c> or <c>direct_split</c>.</summary>
    [CsvColumn("branch")] public string Branch { get; init; } = "";
    /// <summary>Offloaded components (16 for direct split); empty for the baseline branch.</summary>
    [CsvColumn("n")] public int? N { get; init; }
    /// <summary>Mutual-information bound, nats as in the original's Fano equation.</summary>
    [CsvColumn("mi")] public double Mi { get; init; }
    /// <summary>Posterior success rate the MI bound implies for <see cref="Classes"/> classes.</summary>
    [CsvColumn("psr")] public double Psr { get; init; }
    /// <summary>Class count K used in the MI↔PSR equation (the prior is 1/K).</summary>
    [CsvColumn("classes")] public int Classes { get; init; }
    /// <summary>Latent dimensions the noise covers.</summary>
    [CsvColumn("dims")] public int Dims { get; init; }
    /// <summary>Sensitivity used (DP only; empty for PAC).</summary>
    [CsvColumn("sensitivity")] public double? Sensitivity { get; init; }
    /// <summary>σ divided by the sensitivity (DP only).</summary>
    [CsvColumn("noise_multiplier")] public double? NoiseMultiplier { get; init; }
    /// <summary>Σ of the noise vector as stored, what the paper's Fig. 14 calls "L2 norm of noise".</summary>
    [CsvColumn("noise_sum")] public double NoiseSum { get; init; }
    /// <summary>True L2 norm of the noise vector as stored.</summary>
    [CsvColumn("noise_l2")] public double NoiseL2 { get; init; }
    /// <summary>Largest entry of the noise vector as stored.</summary>
    [CsvColumn("noise_max")] public double NoiseMax { get; init; }
    /// <summary>The .npy file, relative to the profile's artifact root.</summary>
    [CsvColumn("file")] public string File { get; init; } = "";

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.Check(p, "mechanism", Mechanism, Vocabulary.Mechanisms);
        Vocabulary.Check(p, "fidelity", Fidelity, Vocabulary.Fidelities);
        Vocabulary.Check(p, "branch", Branch, Vocabulary.Branches);
        if (Mi <= 0) p.Add($"column 'mi' is {Mi}; expected > 0");
        if (Psr is < 0 or > 1) p.Add($"column 'psr' is {Psr}; expected within [0, 1]");
        if (Classes < 2) p.Add($"column 'classes' is {Classes}; expected >= 2");
        return p;
    }
}
