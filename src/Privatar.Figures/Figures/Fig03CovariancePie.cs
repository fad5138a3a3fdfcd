using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>Notebook cell 3: the same statistic as a pie, the base (DC) component against the rest.</summary>
public sealed class Fig03CovariancePie(string fidelity) : IFigure
{
    public string Name => $"fig03_covariance_pie_{fidelity}";
    public string PaperFigure => "notebook cell 3, l2_norm_covar_pie_chart.pdf";
    public string Description => $"Share of the covariance statistic carried by each frequency component ({fidelity} computation).";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.FrequencyCovariance];

    public void Render(Plot plot, FigureInputs data)
    {
        var rows = Draw.Require(data.FrequencyCovariance.Where(r => r.Fidelity == fidelity).OrderBy(r => r.Component), $"fidelity {fidelity}");
        var dc = rows.First();
        var rest = rows.Skip(1).ToList();
        var slices = new List<PieSlice>
        {
            new() { Value = dc.Value, FillColor = FigureStyle.Series(0), Label = Draw.Percent(dc.Share), LegendText = "base (DC) component k = 0" },
            new() { Value = rest.Sum(r => r.Value), FillColor = FigureStyle.Series(1), Label = Draw.Percent(rest.Sum(r => r.Share)), LegendText = $"components 1–{rest.Last().Component}" },
        };
        plot.Add.Pie(slices);
        plot.HideAxesAndGrid();
        plot.Title($"Base frequency component: {Draw.Percent(dc.Share)} of the variance ({fidelity})");
    }
}
