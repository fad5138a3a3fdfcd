using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// <c>privacy_audit.csv</c>: one audited training run of the MNIST CNN per DP setting and the non-private run: the
/// accountant's ε (an upper bound) beside the one-run audit's ε_lower (a lower bound) and the loss-threshold MIA AUC.
/// </summary>
[CsvRecord]
public sealed partial record PrivacyAuditRow : IValidatedRow
{
    /// <summary>The audited run (<c>nonprivate</c>, <c>sigma0.1</c>, <c>epsilon3</c>, as the MNIST runs are named).</summary>
    [CsvColumn("run")] public string Run { get; init; } = "";
    /// <summary>Audited model (<c>classifier</c>).</summary>
    [CsvColumn("model")] public string Model { get; init; } = "";
    /// <summary>DP-SGD noise multiplier σ (empty for the non-private run).</summary>
    [CsvColumn("sigma")] public double? Sigma { get; init; }
    /// <summary>Accountant's ε at δ for the steps that ran, recomputed (empty for the non-private run: no bound).</summary>
    [CsvColumn("epsilon")] public double? Epsilon { get; init; }
    /// <summary>δ of ε and of the audit.</summary>
    [CsvColumn("delta")] public double Delta { get; init; }
    /// <summary>Accountant that produced ε (<c>rdp</c>, <c>prv</c>).</summary>
    [CsvColumn("accountant")] public string Accountant { get; init; } = "";
    /// <summary>Canaries m (mislabelled training examples, each inserted with probability ½).</summary>
    [CsvColumn("canaries")] public int Canaries { get; init; }
    /// <summary>Membership guesses r (the rest abstained).</summary>
    [CsvColumn("guesses")] public int Guesses { get; init; }
    /// <summary>Right guesses v.</summary>
    [CsvColumn("correct")] public int Correct { get; init; }
    /// <summary>Confidence of ε_lower, 0..1.</summary>
    [CsvColumn("confidence")] public double Confidence { get; init; }
    /// <summary>One-run audit lower bound on ε (Steinke, Nasr, Jagielski 2023) at that confidence.</summary>
    [CsvColumn("epsilon_lower")] public double EpsilonLower { get; init; }
    /// <summary>Loss-threshold membership-inference AUC, training vs held-out test examples.</summary>
    [CsvColumn("mia_auc")] public double MiaAuc { get; init; }
    /// <summary>Final test accuracy of the audited model, 0..1.</summary>
    [CsvColumn("test_accuracy")] public double TestAccuracy { get; init; }
    /// <summary>Noise mode of the run: <c>reproducible</c> (not a DP release) or <c>release</c>.</summary>
    [CsvColumn("noise")] public string Noise { get; init; } = "";

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.CheckNonEmpty(p, "run", Run);
        Vocabulary.Check(p, "noise", Noise, ["reproducible", "release"]);
        if ((Sigma is null) != (Epsilon is null)) p.Add("columns 'sigma' and 'epsilon' are both empty (non-private) or both set");
        if (Guesses < 1 || Guesses > Canaries) p.Add($"column 'guesses' is {Guesses}; expected 1..canaries ({Canaries})");
        if (Correct < 0 || Correct > Guesses) p.Add($"column 'correct' is {Correct}; expected 0..guesses ({Guesses})");
        if (EpsilonLower < 0) p.Add($"column 'epsilon_lower' is {EpsilonLower}; expected >= 0");
        if (MiaAuc is < 0 or > 1) p.Add($"column 'mia_auc' is {MiaAuc}; expected within [0, 1]");
        if (TestAccuracy is < 0 or > 1) p.Add($"column 'test_accuracy' is {TestAccuracy}; expected within [0, 1]");
        return p;
    }
}
