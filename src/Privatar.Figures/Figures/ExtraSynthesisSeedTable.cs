using Privatar.Results;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>
/// Not in the Privatar paper: the synthesis benchmark's seed table as a heat table for one dataset. One panel per
/// target ε; in each, one row per DP method under the real-data row (the same classifiers trained on the real
/// training split: the upper bound), one column per downstream classifier, and the achieved ε of each row's set.
/// </summary>
public sealed class ExtraSynthesisSeedTable(string dataset) : IFigure
{
    const string Prefix = "extra_synthesis_seed_table_";

    public string Name => Prefix + dataset;
    public string PaperFigure => "not in the paper (DPDM/DP-MERF seed table, dp-and-generative.md)";
    public string Description => $"Real-test accuracy of each classifier trained on each method's synthetic {SynthesisTable.Display(dataset)} (train on synthetic, test on real), one panel per target ε, under the real-data upper bound.";
    public IReadOnlyList<IResultFamily> Inputs => [ResultFamilies.Synthesis];

    const string RealLabel = "real data (upper bound)";
    const string EpsilonColumn = "achieved ε";
    /// <summary>A method without a DP guarantee (the DP-VAE's original fidelity, exact class statistics): its ε is unbounded.</summary>
    const string NoGuarantee = "∞";

    static double RowHeight => (double)FigureStyle.Default.HeatCellHeight / FigureStyle.Default.HeatCellWidth;
    static int Columns(SynthesisTable t) => t.Classifiers.Count + 1;
    static double PanelWidth(SynthesisTable t) => Columns(t) + FigureStyle.HeatPanelGap;
    static double LabelColumn(SynthesisTable t, FigureStyle style) =>
        (Draw.MeasureWidth(t.Methods.Append(RealLabel), style.AnnotationSize) + FigureStyle.GridLabelPadding) / style.HeatCellWidth;

    public (int Width, int Height) Size(FigureStyle style, FigureInputs data)
    {
        var t = new SynthesisTable(data, dataset);
        var cells = LabelColumn(t, style) + t.TargetEpsilons.Count * PanelWidth(t);
        var rows = (t.Methods.Count + 1 + FigureStyle.HeatUpperBoundGap + FigureStyle.HeatHeaderRows) * style.HeatCellHeight;
        return (Math.Max(style.Width, (int)Math.Ceiling(cells * style.HeatCellWidth)), (int)Math.Ceiling(rows) + style.GridChrome);
    }

    public void Render(Plot plot, FigureInputs data)
    {
        var t = new SynthesisTable(data, dataset);
        if (t.TargetEpsilons.Count == 0) throw new FigureDataException($"no DP method rows for {dataset} in synthesis.csv");
        var h = RowHeight;
        var colormap = new ScottPlot.Colormaps.Viridis();
        // the real-data row on top, set apart from the releases below it
        var rows = new List<(string Label, string Method, double Top)> { (RealLabel, SynthesisRow.RealData, 0) };
        rows.AddRange(t.Methods.Select((m, i) => (m, m, -(i + 1 + FigureStyle.HeatUpperBoundGap) * h)));

        for (var p = 0; p < t.TargetEpsilons.Count; p++)
        {
            var eps = t.TargetEpsilons[p];
            var x0 = p * PanelWidth(t);
            Draw.GridLabel(plot, $"target ε = {Draw.Num(eps)}", x0 + Columns(t) / 2d, FigureStyle.HeatPanelTitleY * h, Alignment.LowerCenter);
            for (var c = 0; c < Columns(t); c++)
                Draw.GridLabel(plot, c < t.Classifiers.Count ? t.Classifiers[c] : EpsilonColumn, x0 + c + 1 / 2d, FigureStyle.HeatColumnHeaderY * h, Alignment.LowerCenter);
            foreach (var (_, method, top) in rows)
            {
                var target = method == SynthesisRow.RealData ? (double?)null : eps;
                for (var c = 0; c < t.Classifiers.Count; c++)
                {
                    var row = t.Row(method, target, t.Classifiers[c]);
                    var fill = row is null ? FigureStyle.HeatEmpty : colormap.GetColor(row.Accuracy);
                    Cell(plot, x0 + c, top, h, fill, row is null ? "–" : row.Accuracy.ToString("0.000", System.Globalization.CultureInfo.InvariantCulture));
                }
                var set = method == SynthesisRow.RealData ? null : t.Set(method, eps);
                Cell(plot, x0 + t.Classifiers.Count, top, h, FigureStyle.HeatEmpty,
                    method == SynthesisRow.RealData ? "not private" : set is null ? "–" : set.Epsilon is { } e ? Draw.Num(e) : NoGuarantee);
            }
        }
        foreach (var (label, _, top) in rows) Draw.GridLabel(plot, label, -FigureStyle.Default.GridGap, top - h / 2, Alignment.MiddleRight);

        plot.HideAxesAndGrid();
        plot.Axes.SetLimits(-LabelColumn(t, FigureStyle.Default), t.TargetEpsilons.Count * PanelWidth(t) - FigureStyle.HeatPanelGap,
            rows[^1].Top - h, FigureStyle.HeatHeaderRows * h);
        plot.Axes.SquareUnits();
        plot.Title($"{SynthesisTable.Display(dataset)}: real-test accuracy of classifiers trained on synthetic data (colour 0 to 1; {t.NoiseNote})");
    }

    static void Cell(Plot plot, double left, double top, double h, Color fill, string text)
    {
        var gap = FigureStyle.Default.GridGap;
        var r = plot.Add.Rectangle(left + gap, left + 1 - gap, top - h + gap * h, top - gap * h);
        r.FillColor = fill;
        r.LineWidth = 0;
        var label = plot.Add.Text(text, left + 1 / 2d, top - h / 2);
        label.LabelAlignment = Alignment.MiddleCenter;
        label.LabelFontColor = fill.Luminance < FigureStyle.HeatDarkLuminance ? Colors.White : Colors.Black;
    }
}
