using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// Notebook cells 7–11: per-frame cost breakdown as stacked bars (left axis, seconds) and total users as a line
/// (right axis), per offloaded-component count; with <c>tee</c>, the TEE ingress and egress parts too.
/// </summary>
public sealed class Fig07LatencyBreakdown(string headset, bool tee) : IFigure
{
    public string Name => (headset, tee) switch
    {
        ("quest_3", false) => "fig07_latency_breakdown_quest_3",
        ("quest_pro", false) => "fig08_latency_breakdown_quest_pro",
        ("quest_pro", true) => "fig10_latency_breakdown_tee_quest_pro",
        _ => "fig11_latency_breakdown_tee_quest_3",
    };
    public string PaperFigure => (headset, tee) switch
    {
        ("quest_3", false) => "notebook cell 7, total_users_quest_3.pdf",
        ("quest_pro", false) => "notebook cells 8–9, total_users_quest_pro.pdf",
        ("quest_pro", true) => "notebook cell 10, total_users_tee_quest_pro.pdf",
        _ => "notebook cell 11, total_users_tee_quest_3.pdf",
    };
    public string Description => $"Per-frame cost breakdown on {Names.Headset(headset)}{(tee ? " with the cloud path in a TEE" : "")}, and the users supported.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.Capacity];

    public void Render(Plot plot, FigureInputs data)
    {
        var rows = Draw.Require(data.Capacity.Where(r => r.Headset == headset && r.Tee == tee && r.Variant == "partition" && r.N is not null).OrderBy(r => r.N),
            $"partition capacity on {headset} with tee={tee.ToString().ToLowerInvariant()}");
        var parts = new List<(string Label, Func<CapacityRow, double> Cost)>();
        if (tee) parts.Add(("TEE ingress", r => r.TeeIngressS));
        parts.Add((tee ? "TEE compute" : "cloud compute", r => r.CloudS));
        if (tee) parts.Add(("TEE egress", r => r.TeeEgressS));
        parts.Add(("download (cloud → headset)", r => r.CommS));
        parts.Add(("headset compute", r => r.HeadsetS));
        var stackBase = rows.ToDictionary(r => r.N!.Value, _ => 0d);
        for (var i = 0; i < parts.Count; i++)
        {
            var bars = rows.Select(r => new Bar { Position = r.N!.Value, ValueBase = stackBase[r.N!.Value], Value = stackBase[r.N!.Value] += parts[i].Cost(r), FillColor = FigureStyle.Series(i) }).ToList();
            plot.Add.Bars(bars).LegendText = parts[i].Label;
        }
        var users = Draw.Line(plot, rows.Select(r => (double)r.N!).ToList(), rows.Select(r => r.UsersTotal).ToList(), "users supported (right axis)", parts.Count);
        users.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "# users supported";
        Draw.IntegerTicks(plot.Axes.Bottom, rows.Select(r => (double)r.N!));
        Draw.Labels(plot, $"Cost breakdown and users, {Names.Headset(headset)}{(tee ? ", TEE" : "")}", "number of offloaded components", "per-frame cost (s)");
        plot.Axes.Margins(bottom: 0);
        // both axes from 0 with room above for the legend; the users line must not leave the frame
        plot.Axes.SetLimitsY(0, rows.Max(r => r.UsersTotal) * FigureStyle.AxisHeadroom, plot.Axes.Right);
        plot.Axes.SetLimitsY(0, rows.Max(r => parts.Sum(p => p.Cost(r))) * FigureStyle.AxisHeadroom, plot.Axes.Left);
        plot.ShowLegend(Edge.Right);
    }
}
