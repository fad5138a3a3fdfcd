using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>Not in the paper: the noise magnitude under the original code's computation next to the corrected one, per mechanism, at one MI bound.</summary>
public sealed class ExtraFidelityNoise(double mi, string branch = "offload") : IFigure
{
    public string Name => $"extra_fidelity_noise_magnitude_mi{Draw.Num(mi)}";
    public string PaperFigure => "not in the paper (fidelity comparison; compare notebook cell 14)";
    public string Description => $"Σ of the {branch}-branch noise vector at MI {Draw.Num(mi)}: original computation (solid) vs corrected (dashed), DP and PAC; log scale.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.NoiseSummary];

    public void Render(Plot plot, FigureInputs data)
    {
        var rows = Draw.Require(data.NoiseSummary.Where(r => r.Mi == mi && r.Branch == branch && r.N is not null), $"{branch} noise at MI {mi}");
        var series = 0;
        foreach (var mech in Vocabulary.Mechanisms)
        {
            foreach (var fidelity in Vocabulary.Fidelities)
            {
                var pts = rows.Where(r => r.Mechanism == mech && r.Fidelity == fidelity).OrderBy(r => r.N).ToList();
                if (pts.Count > 0)
                    Draw.Line(plot, pts.Select(r => (double)r.N!).ToList(), Draw.Log10(pts.Select(r => r.NoiseSum)), $"{Names.Mechanism(mech)}, {fidelity}", series, dashed: fidelity == "corrected");
            }
            series++;
        }
        Draw.Log10Axis(plot, plot.Axes.Left);
        Draw.IntegerTicks(plot.Axes.Bottom, rows.Select(r => (double)r.N!));
        Draw.Labels(plot, $"Noise magnitude, original vs corrected (MI {Draw.Num(mi)}, PSR ≤ {Draw.Percent(rows[0].Psr)})", "number of offloaded components", "Σ of noise vector (log scale)");
        plot.ShowLegend(Alignment.UpperRight);
    }
}
