using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>Notebook cell 2: the covariance statistic per frequency component, with each component's share.</summary>
public sealed class Fig02CovariancePerComponent(string fidelity) : IFigure
{
    public string Name => $"fig02_covariance_per_component_{fidelity}";
    public string PaperFigure => "notebook cell 2, l2_norm_covar_vs_various_freq_comp.pdf";
    public string Description => $"Covariance statistic of each BDCT frequency component ({fidelity} computation), labelled with its share of the total.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.FrequencyCovariance];

    public void Render(Plot plot, FigureInputs data)
    {
        var rows = Draw.Require(data.FrequencyCovariance.Where(r => r.Fidelity == fidelity).OrderBy(r => r.Component), $"fidelity {fidelity}");
        var xs = rows.Select(r => (double)r.Component).ToList();
        var ys = Draw.Log10(rows.Select(r => r.Value));
        Draw.Line(plot, xs, ys, "", 0);
        foreach (var (r, y) in rows.Zip(ys)) Draw.Text(plot, Draw.Percent(r.Share), r.Component, y, 0);
        Draw.IntegerTicks(plot.Axes.Bottom, xs);
        Draw.Log10Axis(plot, plot.Axes.Left);
        Draw.Labels(plot, $"Variance per frequency component ({fidelity})", "frequency component index k = 4·row + col (0 = DC)", "covariance trace (log scale)");
    }
}
