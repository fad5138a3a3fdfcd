using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>Notebook cell 14: magnitude of the DP and PAC noise vectors per offloaded-component count and PSR bound, log scale.</summary>
public sealed class Fig14NoiseMagnitude(string fidelity, string branch = "offload") : IFigure
{
    public string Name => $"fig14_noise_magnitude_dp_vs_pac_{fidelity}";
    public string PaperFigure => "notebook cell 14, privacy_vs_num_offloaded_components.pdf";
    public string Description => $"Σ of the noise vector (the paper's 'L2 norm of noise') for DP and PAC on the {branch} branch ({fidelity}), per PSR bound; log scale.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.NoiseSummary];

    public void Render(Plot plot, FigureInputs data)
    {
        var rows = Draw.Require(data.NoiseSummary.Where(r => r.Fidelity == fidelity && r.Branch == branch && r.N is not null), $"{branch} noise under {fidelity}");
        var series = 0;
        foreach (var level in rows.GroupBy(r => (r.Mi, r.Psr)).OrderByDescending(g => g.Key.Mi))
        {
            foreach (var mech in Vocabulary.Mechanisms)
            {
                var pts = level.Where(r => r.Mechanism == mech).OrderBy(r => r.N).ToList();
                if (pts.Count == 0) continue;
                Draw.Line(plot, pts.Select(r => (double)r.N!).ToList(), Draw.Log10(pts.Select(r => r.NoiseSum)), Names.Noise(mech, level.Key.Mi, level.Key.Psr), series, dashed: mech == "pac");
            }
            series++;
        }
        Draw.Log10Axis(plot, plot.Axes.Left);
        Draw.IntegerTicks(plot.Axes.Bottom, rows.Select(r => (double)r.N!));
        Draw.Labels(plot, $"Noise magnitude, DP (solid) vs PAC (dashed), {fidelity}", "number of offloaded components", "Σ of noise vector (log scale)");
        plot.ShowLegend(Edge.Right);
    }
}
