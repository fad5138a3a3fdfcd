using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// Notebook cell 13: attack posterior success rate vs offloaded components, with confidence intervals and the
/// prior 1/K. For the empirical attack each point is the best of the reference modes (the attacker picks), drawn
/// with the attack's ceiling (attacks.csv's empirical_ceiling rows) when the table has it.
/// </summary>
public sealed class Fig13PsrVsOffloaded(string attack, bool adaptive, string mechanism = "pac", string fidelity = "corrected") : IFigure
{
    public string Name => $"fig13_psr_vs_offloaded_{attack}{(adaptive ? "_adaptive" : "")}_{mechanism}";
    public string PaperFigure => "notebook cell 13, posterior_successful_rate_vs_num_offloaded_components.pdf";
    public string Description => $"Posterior success rate of the {(adaptive ? "adaptive " : "")}{attack} attack per offloaded-component count, clean and under {Names.Mechanism(mechanism)} noise ({fidelity}), with 95% intervals and the prior{(DrawsCeiling ? "; dashed: the matching's ceiling with a perfect cloud decoder" : "")}.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.Attacks];
    /// <summary>The empirical panel carries the matching's ceiling; the NN attacker has none.</summary>
    bool DrawsCeiling => attack == "empirical";

    public void Render(Plot plot, FigureInputs data)
    {
        var rows = Draw.Require(data.Attacks.Where(r => r.Attack == attack && r.Adaptive == adaptive && r.Fidelity == fidelity && r.N is not null
            && (r.Mechanism == "none" || r.Mechanism == mechanism)), $"{attack} attack rows (adaptive={adaptive.ToString().ToLowerInvariant()}, {mechanism}, {fidelity})");
        var series = 0;
        foreach (var level in rows.GroupBy(r => r.Mi).OrderByDescending(g => g.Key ?? double.MaxValue))
        {
            var pts = level.GroupBy(r => r.N).Select(g => g.MaxBy(r => r.Psr)!).OrderBy(r => r.N).ToList();
            var xs = pts.Select(r => (double)r.N!).ToArray();
            var ys = pts.Select(r => r.Psr).ToArray();
            Draw.Line(plot, xs, ys, Names.Noise(level.Key is null ? "none" : mechanism, level.Key, null), series);
            var err = plot.Add.ErrorBar(xs, ys, pts.Select(r => r.Psr - r.CiLow).ToArray());
            err.YErrorPositive = pts.Select(r => r.CiHigh - r.Psr).ToArray();
            err.Color = FigureStyle.Series(series++);
        }
        if (DrawsCeiling)
        {
            // What the same matching gives a perfect cloud decoder (best mode per n, as the points): the curve the
            // clean points are read against, since the original's references cap it below 1.
            var ceiling = data.Attacks.Where(r => r.Attack == Vocabulary.AttackCeiling && r.Fidelity == fidelity && r.N is not null)
                .GroupBy(r => r.N).Select(g => g.MaxBy(r => r.Psr)!).OrderBy(r => r.N).ToList();
            if (ceiling.Count > 0)
                Draw.Line(plot, ceiling.Select(r => (double)r.N!).ToArray(), ceiling.Select(r => r.Psr).ToArray(), "ceiling: perfect cloud decoder, no noise", series, dashed: true);
        }
        var prior = rows.First();
        Draw.Reference(plot, prior.Prior, $"random guess 1/{prior.Classes} = {Draw.Percent(prior.Prior)}");
        Draw.IntegerTicks(plot.Axes.Bottom, rows.Select(r => (double)r.N!));
        Draw.Labels(plot, $"{(attack == "nn" ? "NN" : "Empirical")} attack{(adaptive ? " (adaptive)" : "")}: success vs offloaded components", "number of offloaded components", "posterior success rate");
        plot.ShowLegend(Edge.Right);   // outside the axes: the clean curve can reach any corner
    }
}
