using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// <c>psr_bounds.csv</c>: the posterior success rate each MI bound allows, per fidelity, with the class count and the
/// prior the noise step actually used (Noise). Under <c>corrected</c> the prior is 1/classes; under <c>original</c> the
/// PSR is the original's hard-coded value (solved for 65 classes) while its DP calibration uses the prior 1/56.
/// </summary>
[CsvRecord]
public sealed partial record PsrBoundRow : IValidatedRow
{
    /// <summary><c>original</c> or <c>corrected</c>.</summary>
    [CsvColumn("fidelity")] public string Fidelity { get; init; } = "";
    /// <summary>Mutual-information bound, nats.</summary>
    [CsvColumn("mi")] public double Mi { get; init; }
    /// <summary>K of the Fano equation the PSR comes from (corrected: [noise] classes; original: 65, its equation's K).</summary>
    [CsvColumn("classes")] public int Classes { get; init; }
    /// <summary>The blind-guess success rate the DP calibration is measured against (corrected 1/K; original 1/56).</summary>
    [CsvColumn("prior")] public double Prior { get; init; }
    /// <summary>The PSR bound the noise is calibrated to.</summary>
    [CsvColumn("psr")] public double Psr { get; init; }
    /// <summary><c>true</c> when MI ≥ ln K: the bound allows certain identification (PSR 1).</summary>
    [CsvColumn("vacuous")] public bool Vacuous { get; init; }
    /// <summary>The original's hard-coded PSR for this MI; empty when it lists none.</summary>
    [CsvColumn("original_psr")] public double? OriginalPsr { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.Check(p, "fidelity", Fidelity, Vocabulary.Fidelities);
        if (Mi < 0) p.Add($"column 'mi' is {Mi}; expected >= 0");
        if (Classes < 2) p.Add($"column 'classes' is {Classes}; expected >= 2");
        if (Prior is <= 0 or >= 1) p.Add($"column 'prior' is {Prior}; expected within (0, 1)");
        if (Psr is < 0 or > 1) p.Add($"column 'psr' is {Psr}; expected within [0, 1]");
        if (OriginalPsr is < 0 or > 1) p.Add($"column 'original_psr' is {OriginalPsr}; expected within [0, 1]");
        return p;
    }
}
