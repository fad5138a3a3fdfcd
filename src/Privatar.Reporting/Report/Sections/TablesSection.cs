using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>Every result table, mapped to the paper's, with its first rows.</summary>
public static class TablesSection
{
    public static readonly IReadOnlyDictionary<string, string> PaperTable = new Dictionary<string, string>
    {
        ["training_curves.csv"] = "README training screen-loss table (final values); curves not in the paper",
        ["test_metrics.csv"] = "README test table (screen MSE, LPIPS); notebook baseline/int8/pruning constants",
        ["latency.csv"] = "README latency table and FLOPs (6.07 G → 1.48 G)",
        ["capacity.csv"] = "notebook cells 0, 4–11 (users supported); paper abstract 2.37×",
        ["noise_summary.csv"] = "README MI↔PSR pairs; notebook cell 14 noise magnitudes",
        ["noise_vectors.csv"] = "notebook cells 15–16 (radar views)",
        ["psr_bounds.csv"] = "README MI↔PSR list (pac_psr_mi_calculation.py); the class count and prior used",
        ["noisy_inference.csv"] = "README noisy test; notebook cell 12 loss per noise level",
        ["reconstruction_grid.csv"] = "not in the paper (texture and render comparison grid, PNGs beside it)",
        ["attacks.csv"] = "README empirical (3.1%) and NN (1.5%) attack PSR; notebook cell 13",
        ["frequency_covariance.csv"] = "README covariance traces; notebook cells 2–3",
        ["mnist_dp_curves.csv"] = "not in the Privatar paper (DP-SGD study)",
        ["mnist_dp_accuracy.csv"] = "not in the Privatar paper (DP-SGD study)",
        ["mnist_synthetic.csv"] = "not in the Privatar paper (DP-VAE synthetic-data study, Table 1 of Benbenisty & Kedem)",
        ["synthesis.csv"] = "not in the Privatar paper (DP image synthesis benchmark; published: DPDM paper Table 1, PSG paper seed table)",
        ["synthesis_ablation.csv"] = "not in the Privatar paper (DPDM's noise-multiplicity ablation; ours over replicates of sampling and evaluation)",
        ["privacy_audit.csv"] = "not in the Privatar paper (one-run privacy audit of the DP-SGD study, Steinke, Nasr & Jagielski 2023)",
    };

    /// <summary>A decimal cell as 4 significant digits (display only); integers and text as they are.</summary>
    static string Short(string cell) =>
        (cell.Contains('.') || cell.Contains('E')) && double.TryParse(cell, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v.ToString("G4", System.Globalization.CultureInfo.InvariantCulture) : cell;

    public static ReportSection Build(ReportContext ctx)
    {
        var blocks = new List<ReportBlock>
        {
            new Paragraph("Every result table, folded: open one for its first rows. Column meanings: `src/Privatar.Results/SCHEMAS.md`; the link under each table opens the whole file."),
        };
        foreach (var family in ResultFamilies.All)
        {
            var path = Path.Combine(ctx.Options.ResultsDir, family.FileName);
            var title = $"`{family.FileName}` — {PaperTable[family.FileName]}";
            if (!File.Exists(path)) { blocks.Add(new Paragraph($"{title}: not produced.")); continue; }
            var t = RawTable.Load(path);
            var shown = t.Rows.Take(ctx.Options.PreviewRows).Select(r => (IReadOnlyList<string>)r.Select(Short).ToList()).ToList();
            blocks.Add(new Folded($"{title} ({t.Rows.Count} rows)", [new Table(t.Header, shown,
                $"{family.Description}; {(t.Rows.Count > shown.Count ? $"first {shown.Count} of {t.Rows.Count} rows" : $"{t.Rows.Count} rows")}, " +
                $"decimals shown to 4 significant digits; full precision in the file: `{ctx.Link(path)}`")]));
        }
        return new ReportSection("tables", "Result tables", blocks);
    }
}
