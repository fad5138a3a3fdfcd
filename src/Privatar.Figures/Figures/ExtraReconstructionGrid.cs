using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// Not in the paper: the texture/render comparison grid. One row per test sample, one column per model and noise
/// setting (ground truth, baseline, partition at several n, with and without noise), each tile the render the
/// NoisyInference step saved, so a reader sees what the loss numbers mean.
/// </summary>
public sealed class ExtraReconstructionGrid : IFigure
{
    public string Name => "extra_reconstruction_grid";
    public string PaperFigure => "not in the paper (texture and render comparison grid)";
    public string Description => "Renders of test samples (rows) by each model and noise setting (columns), next to the ground truth.";
    public IReadOnlyList<IResultFamily> Inputs => [ReconstructionGridFile.Instance];

    static List<string> InOrder(IEnumerable<string> values) => values.Distinct().ToList();

    public (int Width, int Height) Size(FigureStyle style, FigureInputs data)
    {
        var cells = data.ReconstructionGrid;
        var rowLabels = InOrder(cells.Select(c => c.Row));
        var cols = InOrder(cells.Select(c => c.Column)).Count;
        // the label column as wide as the widest row label measured at the annotation size, so none is clipped;
        // at least the style's width, so the caption line fits; square units keep the tiles square
        var label = Math.Max(style.GridLabelWidth, (int)Math.Ceiling(Draw.MeasureWidth(rowLabels, style.AnnotationSize)) + FigureStyle.GridLabelPadding);
        return (Math.Max(style.Width, label + cols * style.GridTile), style.GridHeaderHeight + style.GridChrome + rowLabels.Count * style.GridTile);
    }

    public void Render(Plot plot, FigureInputs data)
    {
        var cells = Draw.Require(data.ReconstructionGrid, "reconstruction grid tiles");
        var rows = InOrder(cells.Select(c => c.Row));
        var cols = InOrder(cells.Select(c => c.Column));
        var gap = FigureStyle.Default.GridGap;
        foreach (var cell in cells)
        {
            var (r, c) = (rows.IndexOf(cell.Row), cols.IndexOf(cell.Column));
            var image = new Image(cell.Image);
            var tile = plot.Add.ImageRect(image, new CoordinateRect(c + gap, c + 1 - gap, -r - 1 + gap, -r - gap));
            tile.AntiAlias = false; // show the render's pixels as they are
        }
        for (var c = 0; c < cols.Count; c++) Draw.GridLabel(plot, Wrap(cols[c]), Mid(c), gap, Alignment.LowerCenter);
        for (var r = 0; r < rows.Count; r++) Draw.GridLabel(plot, rows[r], -gap, -Mid(r), Alignment.MiddleRight);
        plot.HideAxesAndGrid();
        var labelColumn = Math.Max(FigureStyle.Default.GridLabelWidth, Draw.MeasureWidth(rows, FigureStyle.Default.AnnotationSize) + FigureStyle.GridLabelPadding);
        plot.Axes.SetLimits(-(double)labelColumn / FigureStyle.Default.GridTile, cols.Count,
            -rows.Count, (double)FigureStyle.Default.GridHeaderHeight / FigureStyle.Default.GridTile);
        plot.Axes.SquareUnits();
        plot.Title($"Reconstructions: {rows.Count} test samples × {cols.Count} settings");
    }

    static double Mid(int i) => (2 * i + 1) / 2d;

    /// <summary>Column headers such as "partition n=8 + pac MI=1 (corrected)" break before "+" and "(" to fit a tile.</summary>
    static string Wrap(string s) => s.Replace(" + ", "\n+ ").Replace(" (", "\n(");
}
