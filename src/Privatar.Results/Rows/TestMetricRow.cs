using CsvHelper;

namespace Privatar.Results;

/// <summary><c>test_metrics.csv</c>: one row per trained model, its test-set means (Evaluate), in the original's units.</summary>
[CsvRecord]
public sealed partial record TestMetricRow : IValidatedRow
{
    /// <summary>Model variant (see <see cref="Vocabulary.Variants"/>).</summary>
    [CsvColumn("variant")] public string Variant { get; init; } = "";
    /// <summary>Variant configuration (<c>default</c>, <c>bits8</c>, <c>ratio0.2</c>, <c>n14</c>, ...).</summary>
    [CsvColumn("config")] public string Config { get; init; } = "";
    /// <summary>Number of test samples averaged.</summary>
    [CsvColumn("samples")] public long Samples { get; init; }
    /// <summary>Screen-space MSE, the paper's reconstruction loss.</summary>
    [CsvColumn("screen_mse")] public double ScreenMse { get; init; }
    /// <summary>Texture MSE, denormalised (×texstd²) as the original's test.py reports it.</summary>
    [CsvColumn("tex_mse")] public double TexMse { get; init; }
    /// <summary>Vertex MSE.</summary>
    [CsvColumn("vert_mse")] public double VertMse { get; init; }
    /// <summary>KL divergence of the latent posterior.</summary>
    [CsvColumn("kl")] public double Kl { get; init; }
    /// <summary>Mean SSIM between predicted and ground-truth renders.</summary>
    [CsvColumn("ssim")] public double Ssim { get; init; }
    /// <summary>LPIPS (AlexNet); empty unless converted LPIPS weights were supplied.</summary>
    [CsvColumn("lpips")] public double? Lpips { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.Check(p, "variant", Variant, Vocabulary.Variants);
        Vocabulary.CheckNonEmpty(p, "config", Config);
        if (Samples <= 0) p.Add($"column 'samples' is {Samples}; expected > 0");
        return p;
    }
}
