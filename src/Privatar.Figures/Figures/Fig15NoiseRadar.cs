using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// Notebook cells 15 and 16: radar views over the latent dimensions. Cell 15 overlays a latent sample with one DP and
/// one PAC noise draw; cell 16 the per-dimension latent variance with the log DP and PAC noise vectors.
/// </summary>
public sealed class Fig15NoiseRadar(bool vectors, string fidelity = "corrected") : IFigure
{
    public string Name => vectors ? $"fig16_pac_noise_radar_{fidelity}" : $"fig15_noise_radar_dp_{fidelity}";
    public string PaperFigure => vectors ? "notebook cell 16, pac_noise_visualization_value_N_noise.pdf" : "notebook cell 15, noisy_value_visualization_dp.pdf";
    public string Description => vectors
        ? $"Per-dimension latent variance and log10 of the DP and PAC noise vectors ({fidelity}), as radii around the latent dimensions."
        : $"One latent sample and one DP and one PAC noise draw ({fidelity}), as radii around the latent dimensions (radius = value − minimum over all series).";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.NoiseVectors];

    public void Render(Plot plot, FigureInputs data)
    {
        string[] wanted = vectors ? ["latent_variance", "dp_vector", "pac_vector"] : ["latent", "dp_sample", "pac_sample"];
        var rows = Draw.Require(data.NoiseVectors.Where(r => r.Fidelity == fidelity && wanted.Contains(r.Series)), $"noise vectors {string.Join("/", wanted)} under {fidelity}");
        var first = rows.GroupBy(r => (r.N, r.Mi)).OrderBy(g => g.Key.N).ThenByDescending(g => g.Key.Mi).First();
        var series = first.GroupBy(r => r.Series).OrderBy(g => Array.IndexOf(wanted, g.Key))
            .Select(g => (Name: g.Key, Values: g.OrderBy(r => r.Dim).Select(r => vectors && g.Key != "latent_variance" ? Math.Log10(r.Value) : r.Value).ToArray())).ToList();
        // log10 of a zero entry (PAC adds no noise on some dimensions) is not a radius: such dimensions are left out
        // of that series' line, and its legend says how many
        var finite = series.SelectMany(s => s.Values).Where(double.IsFinite).ToList();
        if (finite.Count == 0) throw new FigureDataException("no finite value in the radar series");
        var min = finite.Min();
        var dims = series.Max(s => s.Values.Length);
        var radius = finite.Max() - min;
        var axis = plot.Add.PolarAxis(radius);
        // the radial scale: labelled circles in the plotted unit (a radius r reads as the value min + r)
        var rings = Enumerable.Range(1, FigureStyle.RadarCircles).Select(k => radius * k / FigureStyle.RadarCircles).ToArray();
        axis.SetCircles(rings, rings.Select(r => Draw.Num(min + r)).ToArray());
        foreach (var c in axis.Circles) c.LabelAngle = Angle.FromDegrees(FigureStyle.RadarLabelDegrees); // stacked, not along one spoke
        for (var i = 0; i < series.Count; i++)
        {
            var pts = series[i].Values.Select((v, d) => (v, d)).Where(p => double.IsFinite(p.v))
                .Select(p => axis.GetCoordinates(p.v - min, Angle.FromFraction((double)p.d / dims))).ToArray();
            if (pts.Length == 0) continue;
            var line = plot.Add.ScatterLine(pts.Append(pts[0]).ToArray(), FigureStyle.Series(i));
            var dropped = series[i].Values.Length - pts.Length;
            line.LegendText = (vectors && series[i].Name != "latent_variance" ? $"log10 {series[i].Name}" : series[i].Name)
                + (dropped > 0 ? $" ({dropped} zero dims left out)" : "");
        }
        plot.HideAxesAndGrid();
        plot.Title($"{(vectors ? "Latent variance and noise vectors" : "Latent sample and noise draws")}, n = {first.Key.N}, MI {Draw.Num(first.Key.Mi)} ({fidelity})");
        plot.ShowLegend(Edge.Right);
    }
}
