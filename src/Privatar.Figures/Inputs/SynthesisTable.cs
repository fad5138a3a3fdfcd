using Privatar.Results;

namespace Privatar.Figures;

/// <summary>
/// The rows of results/synthesis.csv one dataset's figures draw: the DP methods in the table's order, the target ε
/// grid, the classifiers, and the real-data rows (the upper bound) apart from the releases; replicates are left out.
/// </summary>
public sealed class SynthesisTable
{
    public string Dataset { get; }
    public IReadOnlyList<SynthesisRow> Real { get; }
    public IReadOnlyList<SynthesisRow> Released { get; }
    public IReadOnlyList<string> Methods { get; }
    public IReadOnlyList<double> TargetEpsilons { get; }
    public IReadOnlyList<string> Classifiers { get; }

    public SynthesisTable(FigureInputs data, string dataset)
    {
        // The releases only: an ablation's replicates are drawn in its own figure (from synthesis_ablation.csv).
        var rows = Draw.Require(data.Synthesis.Where(r => r.Dataset == dataset && r.Replicate == 0), $"dataset '{dataset}' in synthesis.csv");
        Dataset = dataset;
        Real = rows.Where(r => r.Method == SynthesisRow.RealData).ToList();
        Released = rows.Where(r => r.Method != SynthesisRow.RealData).ToList();
        Methods = Released.Select(r => r.Method).Distinct().ToList();
        TargetEpsilons = Released.Select(r => r.TargetEpsilon!.Value).Distinct().Order().ToList();
        // DPDM's three, then the seed table's in its order; a name the list lacks goes last
        Classifiers = [.. rows.Select(r => r.Classifier).Distinct()
            .OrderBy(SynthesisRow.ClassifierRank).ThenBy(c => c, StringComparer.Ordinal)];
    }

    public SynthesisRow? Row(string method, double? targetEpsilon, string classifier) =>
        (method == SynthesisRow.RealData ? Real : Released).FirstOrDefault(r => r.Method == method && r.Classifier == classifier && r.TargetEpsilon == targetEpsilon);

    /// <summary>One row per (method, target ε): the set's feature metrics and privacy columns are the same on each classifier row.</summary>
    public SynthesisRow? Set(string method, double targetEpsilon) => Released.FirstOrDefault(r => r.Method == method && r.TargetEpsilon == targetEpsilon);

    /// <summary>"MNIST", "Fashion-MNIST".</summary>
    public static string Display(string dataset) => dataset switch { "mnist" => "MNIST", "fashion_mnist" => "Fashion-MNIST", _ => dataset };

    /// <summary>The achieved ε as the table states it: the accountant's value, or that the method gives no DP guarantee.</summary>
    public static string Achieved(SynthesisRow r) => r.Epsilon is { } e ? $"ε = {Draw.Num(e)}" : "no DP guarantee";

    /// <summary>The label every synthesis figure ends its title with: the profile's noise mode of its sets.</summary>
    public string NoiseNote
    {
        get
        {
            var modes = Released.Select(r => r.Noise).Distinct().Order().ToList();
            return modes.SequenceEqual(["release"]) ? "DP releases" : modes.Contains("release") ? "some sets reproducible runs, not DP releases" : "reproducible runs, not DP releases";
        }
    }
}
