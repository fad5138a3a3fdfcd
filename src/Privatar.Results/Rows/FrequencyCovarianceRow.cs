using CsvHelper;

namespace Privatar.Results;

/// <summary><c>frequency_covariance.csv</c>: the covariance statistic per BDCT frequency component (Covariance), 16 rows per fidelity.</summary>
[CsvRecord]
public sealed partial record FrequencyCovarianceRow : IValidatedRow
{
    /// <summary><c>original</c> (the original's row-variable computation) or <c>corrected</c> (covariance across samples).</summary>
    [CsvColumn("fidelity")] public string Fidelity { get; init; } = "";
    /// <summary>Frequency component k = 4·row + col, 0..15 (0 is the DC component).</summary>
    [CsvColumn("component")] public int Component { get; init; }
    /// <summary>The statistic (trace of the per-component covariance).</summary>
    [CsvColumn("value")] public double Value { get; init; }
    /// <summary>value / Σ value over the 16 components of the same fidelity.</summary>
    [CsvColumn("share")] public double Share { get; init; }
    /// <summary>Samples (frames × cameras) the statistic was computed over.</summary>
    [CsvColumn("samples")] public long Samples { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.Check(p, "fidelity", Fidelity, Vocabulary.Fidelities);
        if (Component is < 0 or > 15) p.Add($"column 'component' is {Component}; expected 0..15");
        if (Share is < 0 or > 1) p.Add($"column 'share' is {Share}; expected within [0, 1]");
        return p;
    }
}
