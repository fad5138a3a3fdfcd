using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// <c>synthesis_ablation.csv</c>: DPDM's noise-multiplicity ablation, one measure of one compared set summarised over
/// its replicates (the release and further draws from its denoiser, each sampled and evaluated under its own seeds).
/// The interval is the 95% Student-t interval of the mean over replicates: it covers sampling and evaluation noise, not
/// the training run's (each K is trained once).
/// </summary>
[CsvRecord]
public sealed partial record SynthesisAblationRow : IValidatedRow
{
    public const string Accuracy = "accuracy";
    public const string FidLocal = "fid_local";

    [CsvColumn("dataset")] public string Dataset { get; init; } = "";
    [CsvColumn("target_epsilon")] public double TargetEpsilon { get; init; }
    /// <summary>ε recomputed from what ran (the same for every replicate of a set).</summary>
    [CsvColumn("epsilon")] public double Epsilon { get; init; }
    /// <summary><c>dpdm</c> (K = dpdm.noise_levels) or <c>dpdm-k&lt;K&gt;</c>.</summary>
    [CsvColumn("method")] public string Method { get; init; } = "";
    /// <summary>K, the noise levels per example averaged before clipping.</summary>
    [CsvColumn("noise_levels")] public int NoiseLevels { get; init; }
    /// <summary><c>accuracy</c> (of <see cref="Classifier"/>, 0..1) or <c>fid_local</c>.</summary>
    [CsvColumn("measure")] public string Measure { get; init; } = "";
    /// <summary>The downstream classifier of an accuracy; empty for FID.</summary>
    [CsvColumn("classifier")] public string Classifier { get; init; } = "";
    [CsvColumn("replicates")] public int Replicates { get; init; }
    [CsvColumn("mean")] public double Mean { get; init; }
    /// <summary>Sample standard deviation over replicates (empty for one).</summary>
    [CsvColumn("std")] public double? Std { get; init; }
    [CsvColumn("ci95_low")] public double? Ci95Low { get; init; }
    [CsvColumn("ci95_high")] public double? Ci95High { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.Check(p, "dataset", Dataset, Vocabulary.SynthesisDatasets);
        Vocabulary.CheckNonEmpty(p, "method", Method);
        Vocabulary.Check(p, "measure", Measure, [Accuracy, FidLocal]);
        if ((Measure == Accuracy) != (Classifier.Length > 0)) p.Add("column 'classifier' is required for an accuracy and empty for fid_local");
        if (NoiseLevels < 1) p.Add($"column 'noise_levels' is {NoiseLevels}; expected >= 1");
        if (Replicates < 1) p.Add($"column 'replicates' is {Replicates}; expected >= 1");
        if ((Replicates > 1) != (Std is not null && Ci95Low is not null && Ci95High is not null))
            p.Add("columns 'std', 'ci95_low' and 'ci95_high' are required with two or more replicates and empty with one");
        if (Ci95Low is { } lo && Ci95High is { } hi && !(lo <= Mean && Mean <= hi)) p.Add($"the interval [{lo}, {hi}] does not contain the mean {Mean}");
        return p;
    }
}
