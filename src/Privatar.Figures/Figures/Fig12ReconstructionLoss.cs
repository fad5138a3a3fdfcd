using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>Notebook cell 12: reconstruction loss vs offloaded components per noise level, with the baseline and the relative increase.</summary>
public sealed class Fig12ReconstructionLoss(string mechanism, string fidelity = "corrected") : IFigure
{
    public string Name => $"fig12_reconstruction_loss_vs_offloaded_{mechanism}";
    public string PaperFigure => "notebook cell 12, reconstruction_loss_vs_num_offloaded_components.pdf";
    public string Description => $"Test reconstruction loss of the partitioned model per offloaded-component count, clean and under {Names.Mechanism(mechanism)} noise ({fidelity}) at each MI bound; labels give the increase over the baseline.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.NoisyInference, ResultFamilies.TestMetrics];

    public void Render(Plot plot, FigureInputs data)
    {
        var rows = Draw.Require(data.NoisyInference.Where(r => r.Variant == "partition" && r.N is not null && (r.Mechanism == "none" || (r.Mechanism == mechanism && r.Fidelity == fidelity))),
            $"partition noisy inference under {mechanism}/{fidelity}");
        var baseline = data.TestMetrics.FirstOrDefault(m => m.Variant == "baseline");
        var series = 0;
        foreach (var level in rows.GroupBy(r => (r.Mi, r.Psr)).OrderByDescending(g => g.Key.Mi ?? double.MaxValue))
        {
            var pts = level.OrderBy(r => r.N).ToList();
            Draw.Line(plot, pts.Select(r => (double)r.N!).ToList(), pts.Select(r => r.ScreenMse).ToList(), Names.Noise(mechanism, level.Key.Mi, level.Key.Psr), series);
            if (baseline is not null)
                foreach (var r in pts) Draw.Text(plot, $"{(r.ScreenMse / baseline.ScreenMse - 1):+0.0%;-0.0%}", r.N!.Value, r.ScreenMse, series);
            series++;
        }
        if (baseline is not null) Draw.Reference(plot, baseline.ScreenMse, "baseline (no partition, no noise)");
        Draw.IntegerTicks(plot.Axes.Bottom, rows.Select(r => (double)r.N!));
        Draw.Labels(plot, $"Reconstruction loss vs offloaded components, {Names.Mechanism(mechanism)} noise", "number of offloaded components", "reconstruction loss (test screen MSE)");
        plot.ShowLegend(Edge.Right);
    }
}
