using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// Not in the Privatar paper: per audited MNIST run (each σ, and the non-private run), the accountant's ε (an upper
/// bound) beside the one-run audit's ε_lower (a lower bound). A correct accountant never sits below the audit; the
/// non-private run has no upper bound, and its ε_lower shows the audit can detect memorisation.
/// </summary>
public sealed class ExtraPrivacyAudit : IFigure
{
    public string Name => "extra_privacy_audit";
    public string PaperFigure => "not in the paper (DP-SGD study, one-run audit)";
    public string Description => "Accountant ε (upper bound) and audited ε_lower (one training run, mislabelled canaries) per audited MNIST CNN run.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.PrivacyAudit];

    public void Render(Plot plot, FigureInputs data)
    {
        var rows = Draw.Require(data.PrivacyAudit, "privacy audit")
            .OrderBy(r => r.Sigma is null ? 0 : 1).ThenByDescending(r => r.Epsilon ?? double.PositiveInfinity).ToList();
        var xs = Enumerable.Range(0, rows.Count).Select(i => (double)i).ToList();
        var dp = xs.Where(i => rows[(int)i].Epsilon is not null).ToList();   // the non-private run has no upper bound to draw
        var upper = Draw.Points(plot, dp, Draw.Log10(dp.Select(i => rows[(int)i].Epsilon!.Value)), "accountant ε (upper bound)", 0);
        var confidence = rows.Select(r => r.Confidence).Distinct().ToList();
        var lower = Draw.Points(plot, xs, Draw.Log10(rows.Select(r => r.EpsilonLower)),
            $"audited ε_lower ({string.Join(", ", confidence.Select(Draw.Percent))} confidence)", 1);
        upper.LineStyle.IsVisible = lower.LineStyle.IsVisible = false;   // separate runs, not a curve
        Draw.Log10Axis(plot, plot.Axes.Left);
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var i = 0; i < rows.Count; i++)
            ticks.AddMajor(i, rows[i].Sigma is { } s ? $"{rows[i].Run}\nσ = {Draw.Num(s)}" : $"{rows[i].Run}\nno DP: no upper bound");
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(-FigureStyle.CategoryMargin, rows.Count - 1 + FigureStyle.CategoryMargin);
        Draw.Labels(plot, "One-run privacy audit of the MNIST CNN", "audited run", "ε (log scale)");
        plot.ShowLegend(Edge.Right);
    }
}
