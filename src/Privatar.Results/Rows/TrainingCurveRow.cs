using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// <c>training_curves.csv</c>: one row per logged iteration and split of one trained model (Train).
/// Loss terms are in the units the training loop optimises (texture and screen in normalised-texture MSE units).
/// </summary>
[CsvRecord]
public sealed partial record TrainingCurveRow : IValidatedRow
{
    /// <summary>Model variant: baseline, direct_split, quantization, sparsity, frequency_decompose or partition.</summary>
    [CsvColumn("variant")] public string Variant { get; init; } = "";
    /// <summary>Variant configuration: <c>default</c>, <c>bits8</c>, <c>ratio0.2</c>, <c>n14</c>, ...</summary>
    [CsvColumn("config")] public string Config { get; init; } = "";
    /// <summary>Training iteration (0-based) at which the row was logged.</summary>
    [CsvColumn("iter")] public long Iter { get; init; }
    /// <summary><c>train</c> (the batch just optimised) or <c>val</c> (mean over the validation batches).</summary>
    [CsvColumn("split")] public string Split { get; init; } = "";
    /// <summary>vert + tex + screen + 0.01·KL, the optimised objective.</summary>
    [CsvColumn("loss_total")] public double LossTotal { get; init; }
    /// <summary>Vertex MSE term.</summary>
    [CsvColumn("loss_vert")] public double LossVert { get; init; }
    /// <summary>Texture MSE term.</summary>
    [CsvColumn("loss_tex")] public double LossTex { get; init; }
    /// <summary>Screen-space (rendered) MSE term, the paper's "reconstruction loss".</summary>
    [CsvColumn("loss_screen")] public double LossScreen { get; init; }
    /// <summary>KL divergence of the latent posterior (before the 0.01 weight).</summary>
    [CsvColumn("loss_kl")] public double LossKl { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.Check(p, "variant", Variant, Vocabulary.Variants);
        Vocabulary.CheckNonEmpty(p, "config", Config);
        Vocabulary.Check(p, "split", Split, Vocabulary.Splits);
        if (Iter < 0) p.Add($"column 'iter' is {Iter}; expected >= 0");
        return p;
    }
}
