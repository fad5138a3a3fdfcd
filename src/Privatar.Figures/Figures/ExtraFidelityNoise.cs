using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// Not in the paper: the noise magnitude under the original code's computation next to the corrected one, per
/// mechanism, against the MI bound, at the most-offloaded configuration (as <see cref="ExtraFidelityAttack"/>).
/// </summary>
public sealed class ExtraFidelityNoise(string branch = "offload") : IFigure
{
    public string Name => "extra_fidelity_noise_magnitude";
    public string PaperFigure => "not in the paper (fidelity comparison; compare notebook cell 14)";
    public string Description => $"Σ of the {branch}-branch noise vector against the MI bound at the largest n: original computation (solid) vs corrected (dashed), DP and PAC; log scales.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.NoiseSummary];

    public void Render(Plot plot, FigureInputs data)
    {
        var all = Draw.Require(data.NoiseSummary.Where(r => r.Branch == branch && r.N is not null), $"{branch} noise rows");
        var n = all.Max(r => r.N);
        var rows = all.Where(r => r.N == n).ToList();
        var series = 0;
        foreach (var mech in Vocabulary.Mechanisms)
        {
            foreach (var fidelity in Vocabulary.Fidelities)
            {
                var pts = rows.Where(r => r.Mechanism == mech && r.Fidelity == fidelity).OrderBy(r => r.Mi).ToList();
                if (pts.Count > 0)
                    Draw.Line(plot, Draw.Log10(pts.Select(r => r.Mi)), Draw.Log10(pts.Select(r => r.NoiseSum)), $"{Names.Mechanism(mech)}, {fidelity}", series, dashed: fidelity == "corrected");
            }
            series++;
        }
        Draw.Log10Axis(plot, plot.Axes.Left);
        Draw.Log10Axis(plot, plot.Axes.Bottom);
        Draw.Labels(plot, $"Noise magnitude, original vs corrected (n = {n})", "MI bound (log scale)", "Σ of noise vector (log scale)");
        plot.ShowLegend(Edge.Right);
    }
}
