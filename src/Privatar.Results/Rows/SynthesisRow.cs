using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// <c>synthesis.csv</c>: one classifier trained on one released set (a DP generator's at one target ε, or the real
/// training split) and tested on the real test split, with that set's feature metrics. The feature metrics are in a
/// locally trained CNN's feature space, not Inception's, so they compare our runs with each other only.
/// </summary>
[CsvRecord]
public sealed partial record SynthesisRow : IValidatedRow
{
    public const string RealData = "real_data";

    /// <summary>
    /// The downstream classifiers' names in table order: DPDM's three (its Table 1 columns), then the seed table's six
    /// in its column order. The classifier enum of Privatar.Synthesis follows this list; figures order columns by it.
    /// </summary>
    public static IReadOnlyList<string> ClassifierOrder => Classifiers;

    static readonly string[] Classifiers = ["logreg", "mlp", "cnn", "convnet", "lenet", "alexnet", "vgg11", "resnet18", "dc_mlp"];

    /// <summary>A classifier's place in <see cref="ClassifierOrder"/>; a name it lacks sorts last.</summary>
    public static int ClassifierRank(string name) => Array.IndexOf(Classifiers, name) is var i and >= 0 ? i : int.MaxValue;

    /// <summary>Generator (<c>dp-merf</c>, <c>dp-cgan</c>, <c>dp-vae-corrected</c>, ...) or <c>real_data</c> (the upper bound).</summary>
    [CsvColumn("method")] public string Method { get; init; } = "";
    /// <summary><c>mnist</c> or <c>fashion_mnist</c>.</summary>
    [CsvColumn("dataset")] public string Dataset { get; init; } = "";
    /// <summary>The ε the generator's noise was calibrated to (empty for real data).</summary>
    [CsvColumn("target_epsilon")] public double? TargetEpsilon { get; init; }
    /// <summary>ε recomputed by the accountant from the mechanisms that ran (empty when there is no DP guarantee).</summary>
    [CsvColumn("epsilon")] public double? Epsilon { get; init; }
    /// <summary>δ of the guarantee (empty for real data).</summary>
    [CsvColumn("delta")] public double? Delta { get; init; }
    /// <summary>Downstream classifier (<c>logreg</c>, <c>mlp</c>, <c>cnn</c>, the seed table's ...).</summary>
    [CsvColumn("classifier")] public string Classifier { get; init; } = "";
    /// <summary>Real-test accuracy at the epoch chosen on the held-out part of the training set, 0..1.</summary>
    [CsvColumn("accuracy")] public double Accuracy { get; init; }
    /// <summary>FID against the real test split in the local evaluator CNN's features.</summary>
    [CsvColumn("fid_local")] public double FidLocal { get; init; }
    /// <summary>KID (unbiased, polynomial kernel) in the same features: mean over subsets.</summary>
    [CsvColumn("kid_local")] public double KidLocal { get; init; }
    /// <summary>Standard deviation of KID over the subsets.</summary>
    [CsvColumn("kid_local_std")] public double KidLocalStd { get; init; }
    [CsvColumn("precision")] public double Precision { get; init; }
    [CsvColumn("recall")] public double Recall { get; init; }
    [CsvColumn("density")] public double Density { get; init; }
    [CsvColumn("coverage")] public double Coverage { get; init; }
    /// <summary>Root seed of the run.</summary>
    [CsvColumn("seed")] public long Seed { get; init; }
    /// <summary>The set's noise mode: <c>reproducible</c> (seeded, not a DP release) or <c>release</c>; empty for real data.</summary>
    [CsvColumn("noise")] public string Noise { get; init; } = "";
    /// <summary>0 for a generator's release (and real data); r >= 1 for a further set drawn from the release's model, sampled and evaluated under replicate r's seeds.</summary>
    [CsvColumn("replicate")] public int Replicate { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.CheckNonEmpty(p, "method", Method);
        Vocabulary.Check(p, "dataset", Dataset, Vocabulary.SynthesisDatasets);
        Vocabulary.CheckNonEmpty(p, "classifier", Classifier);
        if (Method == RealData && (TargetEpsilon is not null || Epsilon is not null || Delta is not null || Noise.Length > 0))
            p.Add("columns 'target_epsilon', 'epsilon', 'delta' and 'noise' must be empty for real_data");
        if (Method != RealData && (TargetEpsilon is null || Delta is null))
            p.Add("columns 'target_epsilon' and 'delta' are required for a generator's row");
        if (Method != RealData) Vocabulary.Check(p, "noise", Noise, ["reproducible", "release"]);
        if (Replicate < 0) p.Add($"column 'replicate' is {Replicate}; expected >= 0");
        if (Method == RealData && Replicate != 0) p.Add("column 'replicate' must be 0 for real_data");
        if (Epsilon is { } e && !(e >= 0)) p.Add($"column 'epsilon' is {e}; expected >= 0");
        if (Accuracy is < 0 or > 1) p.Add($"column 'accuracy' is {Accuracy}; expected within [0, 1]");
        foreach (var (name, v) in new[] { ("precision", Precision), ("recall", Recall), ("coverage", Coverage) })
            if (v is < 0 or > 1) p.Add($"column '{name}' is {v}; expected within [0, 1]");
        return p;
    }
}
