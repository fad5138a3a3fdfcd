using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// Not in the Privatar paper: the sample grid each generator wrote (its set folder's samples.png), one row per method
/// and one column per target ε, for one dataset, so a reader sees what the accuracy and FID numbers mean.
/// The sets are the ones synthesis.csv lists; their folders are found from the profile's synthesis tree.
/// </summary>
public sealed class ExtraSynthesisSamples(string dataset) : IFigure
{
    const string Prefix = "extra_synthesis_samples_";

    public string Name => Prefix + dataset;
    public string PaperFigure => "not in the paper (sample grids of the DP synthesis benchmark)";
    public string Description => $"Synthetic {SynthesisTable.Display(dataset)} samples of each method (rows) at each target ε (columns), as each generator unit wrote them.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.Synthesis];

    /// <summary>The tiles: (method, target ε, the PNG) of each set the table lists; a listed set without its PNG is an error.</summary>
    List<(string Method, double Eps, string Png)> Tiles(SynthesisTable t, FigureInputs data)
    {
        var tiles = new List<(string, double, string)>();
        foreach (var m in t.Methods)
            foreach (var e in t.TargetEpsilons)
                if (t.Set(m, e) is not null)
                {
                    var png = Path.Combine(data.SynthesisTree.Set(dataset, m, e), Contracts.SynthesisPaths.SamplesFile);
                    if (!File.Exists(png)) throw new FigureDataException($"synthesis.csv lists {m} at target ε = {Draw.Num(e)} on {dataset}, but {png} does not exist");
                    tiles.Add((m, e, png));
                }
        return tiles;
    }

    static IEnumerable<string> RowLabels(SynthesisTable t) => t.Methods;

    public (int Width, int Height) Size(FigureStyle style, FigureInputs data)
    {
        var t = new SynthesisTable(data, dataset);
        var label = Math.Max(style.GridLabelWidth, (int)Math.Ceiling(Draw.MeasureWidth(RowLabels(t), style.AnnotationSize)) + FigureStyle.GridLabelPadding);
        return (Math.Max(style.Width, label + t.TargetEpsilons.Count * style.SampleTile),
            style.GridHeaderHeight + style.GridChrome + t.Methods.Count * style.SampleTile);
    }

    public void Render(Plot plot, FigureInputs data)
    {
        var t = new SynthesisTable(data, dataset);
        var tiles = Draw.Require(Tiles(t, data), $"DP method sets of {dataset} in synthesis.csv");
        var gap = FigureStyle.Default.GridGap;
        foreach (var (method, eps, png) in tiles)
        {
            var (r, c) = (t.Methods.ToList().IndexOf(method), t.TargetEpsilons.ToList().IndexOf(eps));
            var tile = plot.Add.ImageRect(new Image(png), new CoordinateRect(c + gap, c + 1 - gap, -r - 1 + gap, -r - gap));
            tile.AntiAlias = false; // the generated pixels as they are
        }
        for (var c = 0; c < t.TargetEpsilons.Count; c++) Draw.GridLabel(plot, $"target ε = {Draw.Num(t.TargetEpsilons[c])}", c + 1 / 2d, gap, Alignment.LowerCenter);
        for (var r = 0; r < t.Methods.Count; r++) Draw.GridLabel(plot, t.Methods[r], -gap, -r - 1 / 2d, Alignment.MiddleRight);
        plot.HideAxesAndGrid();
        var style = FigureStyle.Default;
        var labelColumn = Math.Max(style.GridLabelWidth, Draw.MeasureWidth(RowLabels(t), style.AnnotationSize) + FigureStyle.GridLabelPadding);
        plot.Axes.SetLimits(-(double)labelColumn / style.SampleTile, t.TargetEpsilons.Count, -t.Methods.Count, (double)style.GridHeaderHeight / style.SampleTile);
        plot.Axes.SquareUnits();
        plot.Title($"{SynthesisTable.Display(dataset)}: samples per method and target ε (from synthesis/sets/{dataset}/*/{Contracts.SynthesisPaths.SamplesFile}; {t.NoiseNote})");
    }
}
