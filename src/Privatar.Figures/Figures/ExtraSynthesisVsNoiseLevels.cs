using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// Not in the Privatar paper: DPDM's noise-multiplicity ablation on one dataset, from synthesis_ablation.csv. Each
/// compared K's mean over its replicates with the 95% interval as an error bar: every classifier's accuracy, or the
/// local FID. The interval covers sampling and evaluation noise; each K is trained once.
/// </summary>
public sealed class ExtraSynthesisVsNoiseLevels(string dataset, bool fid) : IFigure
{
    public const string AccuracyPrefix = "extra_synthesis_accuracy_vs_k_";
    public const string FidPrefix = "extra_synthesis_fid_vs_k_";

    public string Name => (fid ? FidPrefix : AccuracyPrefix) + dataset;
    public string PaperFigure => "not in the paper (DPDM's noise multiplicity, dp-and-generative.md)";
    public string Description => fid
        ? $"DPDM on {SynthesisTable.Display(dataset)}: FID (local-CNN features, not Inception) against K, the noise levels per example averaged before clipping; mean and 95% interval over replicates of sampling and evaluation (each K trained once)."
        : $"DPDM on {SynthesisTable.Display(dataset)}: real-test accuracy of each classifier trained on its synthetic set against K, the noise levels per example; mean and 95% interval over replicates of sampling and evaluation (each K trained once).";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.SynthesisAblation];

    public void Render(Plot plot, FigureInputs data)
    {
        var measure = fid ? SynthesisAblationRow.FidLocal : SynthesisAblationRow.Accuracy;
        var rows = Draw.Require(data.SynthesisAblation.Where(r => r.Dataset == dataset && r.Measure == measure), $"{measure} rows of dataset '{dataset}' in synthesis_ablation.csv");
        var eps = rows.Select(r => r.TargetEpsilon).Distinct().ToList();
        if (eps.Count != 1) throw new FigureDataException($"synthesis_ablation.csv: {dataset} has the ablation at {eps.Count} target ε values; expected one");
        var series = 0;
        foreach (var line in rows.GroupBy(r => r.Classifier).OrderBy(g => SynthesisRow.ClassifierRank(g.Key)))
        {
            var pts = line.OrderBy(r => r.NoiseLevels).ToList();
            var xs = pts.Select(r => (double)r.NoiseLevels).ToArray();
            var ys = pts.Select(r => r.Mean).ToArray();
            Draw.Line(plot, xs, ys, fid ? "FID" : line.Key, series);
            if (pts.All(r => r.Ci95Low is not null))
            {
                var err = plot.Add.ErrorBar(xs, ys, pts.Select(r => r.Mean - r.Ci95Low!.Value).ToArray());
                err.YErrorPositive = pts.Select(r => r.Ci95High!.Value - r.Mean).ToArray();
                err.Color = FigureStyle.Series(series);
            }
            series++;
        }
        var n = rows.Select(r => r.Replicates).Distinct().Order().ToList();
        var what = fid ? "FID (local-CNN features)" : "real-test accuracy (trained on synthetic)";
        Draw.Labels(plot, $"{SynthesisTable.Display(dataset)}: DPDM vs noise levels K at target ε = {Draw.Num(eps[0])} ({string.Join("/", n)} replicates, 95% intervals)",
            "noise levels per example K", what);
        Draw.IntegerTicks(plot.Axes.Bottom, rows.Select(r => (double)r.NoiseLevels));
        plot.ShowLegend(Edge.Right);
    }
}
