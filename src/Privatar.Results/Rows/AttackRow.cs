using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// <c>attacks.csv</c>: posterior success rate of an identity attack on the offloaded latent (Attack), with a
/// binomial confidence interval and the prior 1/K it should be compared with.
/// </summary>
[CsvRecord]
public sealed partial record AttackRow : IValidatedRow
{
    /// <summary>
    /// <c>empirical</c> (reference matching), <c>nn</c> (256→128→128→K classifier), or <c>empirical_ceiling</c>: the
    /// matching's success with a perfect cloud decoder (the view texture's components in its channels), written by the
    /// units without noise; no model is attacked: it shows what the matching gives when the model is not the limit.
    /// </summary>
    [CsvColumn("attack")] public string Attack { get; init; } = "";
    /// <summary>Empirical and its ceiling: ambiguity_merge, accumulated_hf or accumulated_offload; nn: none.</summary>
    [CsvColumn("reference_mode")] public string ReferenceMode { get; init; } = "";
    /// <summary>Model variant attacked (partition, baseline, direct_split).</summary>
    [CsvColumn("variant")] public string Variant { get; init; } = "";
    /// <summary>Offloaded components (16 for direct split); empty for the baseline.</summary>
    [CsvColumn("n")] public int? N { get; init; }
    /// <summary>Noise on the attacked latent: none, dp or pac.</summary>
    [CsvColumn("mechanism")] public string Mechanism { get; init; } = "";
    /// <summary>original or corrected (noise file choice, and for nn the gradient zeroing).</summary>
    [CsvColumn("fidelity")] public string Fidelity { get; init; } = "";
    /// <summary>MI bound of the noise; empty when mechanism is none.</summary>
    [CsvColumn("mi")] public double? Mi { get; init; }
    /// <summary>Whether the attacker trained on codes noised like the test codes (nn only).</summary>
    [CsvColumn("adaptive")] public bool Adaptive { get; init; }
    /// <summary>Class count K.</summary>
    [CsvColumn("classes")] public int Classes { get; init; }
    /// <summary>Attack trials (test samples).</summary>
    [CsvColumn("trials")] public long Trials { get; init; }
    /// <summary>Trials where the attack identified the right class.</summary>
    [CsvColumn("successes")] public long Successes { get; init; }
    /// <summary>successes / trials.</summary>
    [CsvColumn("psr")] public double Psr { get; init; }
    /// <summary>Lower end of the binomial confidence interval for psr.</summary>
    [CsvColumn("ci_low")] public double CiLow { get; init; }
    /// <summary>Upper end of the binomial confidence interval.</summary>
    [CsvColumn("ci_high")] public double CiHigh { get; init; }
    /// <summary>How the interval was computed, e.g. <c>clopper_pearson_95</c>.</summary>
    [CsvColumn("ci_method")] public string CiMethod { get; init; } = "";
    /// <summary>Chance level 1/classes.</summary>
    [CsvColumn("prior")] public double Prior { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.Check(p, "attack", Attack, Vocabulary.Attacks);
        Vocabulary.Check(p, "reference_mode", ReferenceMode, Vocabulary.ReferenceModes);
        Vocabulary.Check(p, "variant", Variant, Vocabulary.Variants);
        Vocabulary.Check(p, "mechanism", Mechanism, Vocabulary.NoiseOrNone);
        Vocabulary.Check(p, "fidelity", Fidelity, Vocabulary.Fidelities);
        if ((Mechanism == "none") != (Mi is null)) p.Add("column 'mi' must be empty exactly when mechanism is none");
        if (Trials <= 0 || Successes < 0 || Successes > Trials) p.Add($"columns trials/successes are {Trials}/{Successes}; expected 0 <= successes <= trials, trials > 0");
        if (!(CiLow <= Psr && Psr <= CiHigh)) p.Add($"columns ci_low <= psr <= ci_high violated ({CiLow}, {Psr}, {CiHigh})");
        return p;
    }
}
