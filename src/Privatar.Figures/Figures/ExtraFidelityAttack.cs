using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// Not in the paper: attack success against the MI bound under the original and the corrected computation, for the
/// empirical attack (best reference mode), the NN attack and the adaptive NN attack, at the largest n in the data.
/// </summary>
public sealed class ExtraFidelityAttack(string mechanism = "pac") : IFigure
{
    public string Name => $"extra_fidelity_attack_success_{mechanism}";
    public string PaperFigure => "not in the paper (fidelity comparison; compare notebook cell 13)";
    public string Description => $"Posterior success rate vs MI bound ({Names.Mechanism(mechanism)} noise) at the most-offloaded configuration: original (solid) vs corrected (dashed) per attacker, with the prior.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.Attacks];

    public void Render(Plot plot, FigureInputs data)
    {
        var all = Draw.Require(data.Attacks.Where(r => r.Mechanism == mechanism && r.Mi is not null && r.N is not null), $"attack rows under {mechanism}");
        var n = all.Max(r => r.N);
        var rows = all.Where(r => r.N == n).ToList();
        var series = 0;
        foreach (var (attack, adaptive) in rows.Select(r => (r.Attack, r.Adaptive)).Distinct().OrderBy(k => k.Attack).ThenBy(k => k.Adaptive))
        {
            foreach (var fidelity in Vocabulary.Fidelities)
            {
                var pts = rows.Where(r => r.Attack == attack && r.Adaptive == adaptive && r.Fidelity == fidelity)
                    .GroupBy(r => r.Mi).Select(g => g.MaxBy(r => r.Psr)!).OrderBy(r => r.Mi).ToList();
                if (pts.Count > 0)
                    Draw.Line(plot, Draw.Log10(pts.Select(r => r.Mi!.Value)), pts.Select(r => r.Psr).ToList(), $"{attack}{(adaptive ? " adaptive" : "")}, {fidelity}", series, dashed: fidelity == "corrected");
            }
            series++;
        }
        Draw.Reference(plot, rows[0].Prior, $"prior 1/{rows[0].Classes}");
        Draw.Log10Axis(plot, plot.Axes.Bottom);
        Draw.Labels(plot, $"Attack success, original vs corrected (n = {n})", "MI bound (log scale)", "posterior success rate");
        plot.ShowLegend(Edge.Right);
    }
}
