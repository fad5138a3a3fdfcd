using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>Notebook cell 6: users served through offloading plus the extra local users, stacked, against the baseline.</summary>
public sealed class Fig06TotalUsers(string headset) : IFigure
{
    public string Name => $"fig06_total_users_{headset}";
    public string PaperFigure => headset == "quest_3" ? "notebook cell 6, total_users_quest3.pdf" : "not in the paper (cell 6 drawn for Quest Pro)";
    public string Description => $"Total users on {Names.Headset(headset)} per offloaded-component count: offloaded users plus extra local users, with the baseline.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.Capacity];

    public void Render(Plot plot, FigureInputs data)
    {
        var rows = Draw.Require(data.Capacity.Where(r => r.Headset == headset && !r.Tee && r.Variant == "partition" && r.N is not null).OrderBy(r => r.N), $"partition capacity on {headset}");
        var offloaded = rows.Select(r => new Bar { Position = r.N!.Value, Value = r.UsersOffloaded, FillColor = FigureStyle.Series(0) }).ToList();
        var extra = rows.Select(r => new Bar
        {
            Position = r.N!.Value, ValueBase = r.UsersOffloaded, Value = r.UsersTotal, FillColor = FigureStyle.Series(1),
            Label = $"{Draw.Num(r.UsersTotal)} ({Draw.Num(r.UsersVsBaseline)}×)",
        }).ToList();
        plot.Add.Bars(offloaded).LegendText = "users via offloading";
        var top = plot.Add.Bars(extra);
        top.LegendText = "extra local users";
        top.ValueLabelStyle.ForeColor = FigureStyle.Caption;
        if (data.Capacity.FirstOrDefault(r => r.Headset == headset && !r.Tee && r.Variant == "baseline") is { } b)
            Draw.Reference(plot, b.UsersTotal, "baseline (whole decoder on the headset)");
        Draw.IntegerTicks(plot.Axes.Bottom, rows.Select(r => (double)r.N!));
        Draw.Labels(plot, $"Users supported overall, {Names.Headset(headset)}", "number of offloaded components", "# users overall");
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Edge.Right);
    }
}
