using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// <c>noise_vectors.csv</c>: per-dimension vectors for the radar views (paper Fig. 15–16): one latent sample,
/// the latent variance ("trace of covariance" per dimension), the DP and PAC noise vectors and one draw of each.
/// Long format: one row per (series, dimension).
/// </summary>
[CsvRecord]
public sealed partial record NoiseVectorRow : IValidatedRow
{
    /// <summary><c>original</c> or <c>corrected</c>.</summary>
    [CsvColumn("fidelity")] public string Fidelity { get; init; } = "";
    /// <summary>Offloaded components of the branch the vectors belong to.</summary>
    [CsvColumn("n")] public int N { get; init; }
    /// <summary>MI bound of the noise vectors (also written for the latent series, for grouping).</summary>
    [CsvColumn("mi")] public double Mi { get; init; }
    /// <summary>latent, latent_variance, dp_vector, pac_vector, dp_sample or pac_sample.</summary>
    [CsvColumn("series")] public string Series { get; init; } = "";
    /// <summary>Latent dimension, 0-based.</summary>
    [CsvColumn("dim")] public int Dim { get; init; }
    /// <summary>The value at that dimension.</summary>
    [CsvColumn("value")] public double Value { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.Check(p, "fidelity", Fidelity, Vocabulary.Fidelities);
        Vocabulary.Check(p, "series", Series, Vocabulary.NoiseVectorSeries);
        if (Dim < 0) p.Add($"column 'dim' is {Dim}; expected >= 0");
        return p;
    }
}
