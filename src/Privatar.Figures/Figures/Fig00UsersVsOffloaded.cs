using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>Notebook cell 0: users supported vs offloaded components, compute-bound per headset and communication-bound.</summary>
public sealed class Fig00UsersVsOffloaded : IFigure
{
    public string Name => "fig00_users_vs_offloaded";
    public string PaperFigure => "notebook cell 0, communi_compute_latency_block_4x4.pdf";
    public string Description => "Users one headset supports as the number of offloaded components grows: headset-compute bound per headset, and link bound.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.Capacity];

    public void Render(Plot plot, FigureInputs data)
    {
        var rows = Draw.Require(data.Capacity.Where(r => r.Variant == "partition" && !r.Tee && r.N is not null), "partition capacity rows without TEE");
        var series = 0;
        foreach (var headset in Vocabulary.Headsets)
        {
            var h = rows.Where(r => r.Headset == headset).OrderBy(r => r.N).ToList();
            if (h.Count == 0) continue;
            Draw.Line(plot, h.Select(r => (double)r.N!).ToList(), Draw.Log10(h.Select(r => r.UsersComputeBound)), $"compute-bound, {Names.Headset(headset)}", series++);
        }
        var link = rows.Where(r => r.UsersCommBound is not null).GroupBy(r => r.N).Select(g => g.First()).OrderBy(r => r.N).ToList();
        if (link.Count > 0)
            Draw.Line(plot, link.Select(r => (double)r.N!).ToList(), Draw.Log10(link.Select(r => r.UsersCommBound!.Value)), "communication-bound", series, dashed: true);
        Draw.IntegerTicks(plot.Axes.Bottom, rows.Select(r => (double)r.N!));
        Draw.Log10Axis(plot, plot.Axes.Left); // the two bounds are orders of magnitude apart
        Draw.Labels(plot, "Users supported vs offloaded components", "number of offloaded components", "number of users supported (log scale)");
        plot.ShowLegend(Edge.Right);
    }
}
