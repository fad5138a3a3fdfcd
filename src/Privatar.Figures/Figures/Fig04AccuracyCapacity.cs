using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>Notebook cells 4 and 5: reconstruction loss against users supported, per headset.</summary>
public sealed class Fig04AccuracyCapacity(string headset, string mechanism = "pac", string fidelity = "corrected") : IFigure
{
    public string Name => headset == "quest_pro" ? "fig04_accuracy_capacity_quest_pro" : "fig05_accuracy_capacity_quest_3";
    public string PaperFigure => headset == "quest_pro" ? "notebook cell 4, lat_acc_tradeoff_all_quest_pro.pdf" : "notebook cell 5, lat_acc_tradeoff_all_quest_3.pdf";
    public string Description => $"Accuracy–capacity trade-off on {Names.Headset(headset)}: each model's test reconstruction loss against the users it supports; Privatar per noise level ({Names.Mechanism(mechanism)}, {fidelity}).";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.Capacity, ResultFamilies.TestMetrics, ResultFamilies.NoisyInference];

    public void Render(Plot plot, FigureInputs data)
    {
        var capacity = data.Capacity.Where(r => r.Headset == headset && !r.Tee).ToList();
        var series = 0;
        foreach (var m in data.TestMetrics.Where(m => m.Variant != "partition"))
            if (capacity.FirstOrDefault(c => c.Variant == m.Variant && c.Config == m.Config) is { } c)
                Draw.Points(plot, [m.ScreenMse], [c.UsersTotal], $"{m.Variant} ({m.Config})", series++);
        var partition = Draw.Require(capacity.Where(c => c.Variant == "partition" && c.N is not null), $"partition capacity on {headset}");
        var noisy = data.NoisyInference.Where(r => r.Variant == "partition" && (r.Mechanism == "none" || (r.Mechanism == mechanism && r.Fidelity == fidelity)));
        foreach (var level in noisy.GroupBy(r => (r.Mi, r.Psr)).OrderByDescending(g => g.Key.Mi ?? double.MaxValue))
        {
            var pts = level.Join(partition, r => r.N, c => c.N, (r, c) => (Loss: r.ScreenMse, Users: c.UsersTotal, r.N)).OrderBy(p => p.N).ToList();
            if (pts.Count == 0) continue;
            Draw.Line(plot, pts.Select(p => p.Loss).ToList(), pts.Select(p => p.Users).ToList(), "Privatar, " + Names.Noise(mechanism, level.Key.Mi, level.Key.Psr), series++);
        }
        Draw.Labels(plot, $"Accuracy–capacity trade-off, {Names.Headset(headset)}", "reconstruction loss (test screen MSE)", $"# users, {Names.Headset(headset)}");
        plot.ShowLegend(Edge.Right);
    }
}
