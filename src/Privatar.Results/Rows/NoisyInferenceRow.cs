using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// <c>noisy_inference.csv</c>: test metrics of a model with noise added to its offloaded latent (NoisyInference), one row
/// per model, mechanism, fidelity and MI bound. The clean reference run has mechanism <c>none</c> and empty
/// fidelity, mi and psr.
/// </summary>
[CsvRecord]
public sealed partial record NoisyInferenceRow : IValidatedRow
{
    /// <summary>Model variant (partition, baseline or direct_split).</summary>
    [CsvColumn("variant")] public string Variant { get; init; } = "";
    /// <summary>Variant configuration (<c>n14</c>, <c>default</c>, ...).</summary>
    [CsvColumn("config")] public string Config { get; init; } = "";
    /// <summary>Offloaded components (16 for direct split, empty for the baseline).</summary>
    [CsvColumn("n")] public int? N { get; init; }
    /// <summary><c>none</c>, <c>dp</c> or <c>pac</c>.</summary>
    [CsvColumn("mechanism")] public string Mechanism { get; init; } = "";
    /// <summary><c>original</c> or <c>corrected</c>; empty when mechanism is none.</summary>
    [CsvColumn("fidelity")] public string Fidelity { get; init; } = "";
    /// <summary>MI bound of the noise; empty when mechanism is none.</summary>
    [CsvColumn("mi")] public double? Mi { get; init; }
    /// <summary>PSR bound the noise was calibrated to; empty when mechanism is none.</summary>
    [CsvColumn("psr")] public double? Psr { get; init; }
    /// <summary>Number of test samples averaged.</summary>
    [CsvColumn("samples")] public long Samples { get; init; }
    /// <summary>Screen-space MSE (reconstruction loss).</summary>
    [CsvColumn("screen_mse")] public double ScreenMse { get; init; }
    /// <summary>Texture MSE (denormalised).</summary>
    [CsvColumn("tex_mse")] public double TexMse { get; init; }
    /// <summary>Vertex MSE.</summary>
    [CsvColumn("vert_mse")] public double VertMse { get; init; }
    /// <summary>Mean SSIM.</summary>
    [CsvColumn("ssim")] public double Ssim { get; init; }
    /// <summary>LPIPS; empty without converted weights.</summary>
    [CsvColumn("lpips")] public double? Lpips { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.Check(p, "variant", Variant, Vocabulary.Variants);
        Vocabulary.CheckNonEmpty(p, "config", Config);
        Vocabulary.Check(p, "mechanism", Mechanism, Vocabulary.NoiseOrNone);
        if (Mechanism == "none")
        {
            if (Fidelity != "" || Mi is not null || Psr is not null) p.Add("mechanism 'none' needs empty fidelity, mi and psr");
        }
        else
        {
            Vocabulary.Check(p, "fidelity", Fidelity, Vocabulary.Fidelities);
            if (Mi is not > 0) p.Add($"column 'mi' is '{Mi}'; expected > 0 for mechanism {Mechanism}");
        }
        return p;
    }
}
