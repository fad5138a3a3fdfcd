using CsvHelper;

namespace Privatar.Results;

/// <summary><c>mnist_dp_curves.csv</c>: DP-SGD training on MNIST, one row per classifier, σ and epoch.</summary>
[CsvRecord]
public sealed partial record MnistCurveRow : IValidatedRow
{
    /// <summary>Classifier kind (e.g. <c>mlp</c>, <c>cnn</c>, <c>scatter_linear</c>).</summary>
    [CsvColumn("classifier")] public string Classifier { get; init; } = "";
    /// <summary>DP-SGD noise multiplier σ (0 = non-private).</summary>
    [CsvColumn("sigma")] public double Sigma { get; init; }
    /// <summary>Epoch just completed (1-based).</summary>
    [CsvColumn("epoch")] public int Epoch { get; init; }
    /// <summary>Optimizer steps so far.</summary>
    [CsvColumn("step")] public long Step { get; init; }
    /// <summary>ε spent so far at the study's δ (empty for σ = 0).</summary>
    [CsvColumn("epsilon")] public double? Epsilon { get; init; }
    /// <summary>Mean training loss over the epoch.</summary>
    [CsvColumn("train_loss")] public double TrainLoss { get; init; }
    /// <summary>Test accuracy after the epoch, 0..1.</summary>
    [CsvColumn("test_accuracy")] public double TestAccuracy { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.CheckNonEmpty(p, "classifier", Classifier);
        if (Sigma < 0) p.Add($"column 'sigma' is {Sigma}; expected >= 0");
        if (TestAccuracy is < 0 or > 1) p.Add($"column 'test_accuracy' is {TestAccuracy}; expected within [0, 1]");
        return p;
    }
}

/// <summary><c>mnist_dp_accuracy.csv</c>: final test accuracy against the privacy spent, per classifier kind and σ.</summary>
[CsvRecord]
public sealed partial record MnistAccuracyRow : IValidatedRow
{
    /// <summary>Classifier kind.</summary>
    [CsvColumn("classifier")] public string Classifier { get; init; } = "";
    /// <summary>DP-SGD noise multiplier σ.</summary>
    [CsvColumn("sigma")] public double Sigma { get; init; }
    /// <summary>Final ε (empty for σ = 0).</summary>
    [CsvColumn("epsilon")] public double? Epsilon { get; init; }
    /// <summary>δ of the guarantee.</summary>
    [CsvColumn("delta")] public double Delta { get; init; }
    /// <summary>Accountant that produced ε (<c>rdp</c>, <c>prv</c>).</summary>
    [CsvColumn("accountant")] public string Accountant { get; init; } = "";
    /// <summary>Epochs trained.</summary>
    [CsvColumn("epochs")] public int Epochs { get; init; }
    /// <summary>Final test accuracy, 0..1.</summary>
    [CsvColumn("test_accuracy")] public double TestAccuracy { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.CheckNonEmpty(p, "classifier", Classifier);
        if (TestAccuracy is < 0 or > 1) p.Add($"column 'test_accuracy' is {TestAccuracy}; expected within [0, 1]");
        return p;
    }
}
