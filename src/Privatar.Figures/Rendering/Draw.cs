using System.Globalization;
using ScottPlot;
using ScottPlot.Plottables;

namespace Privatar.Figures;

/// <summary>Small drawing helpers shared by the recipes, so each recipe reads as "select rows, draw series".</summary>
public static class Draw
{
    public static void Labels(Plot plot, string title, string x, string y)
    {
        plot.Title(title);
        plot.XLabel(x);
        plot.YLabel(y);
    }

    public static Scatter Line(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, string label, int series, bool dashed = false)
    {
        var s = plot.Add.Scatter(xs.ToArray(), ys.ToArray(), FigureStyle.Series(series));
        if (label.Length > 0) s.LegendText = label;
        if (dashed) s.LinePattern = FigureStyle.Dashed;
        return s;
    }

    public static Scatter Points(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, string label, int series)
    {
        var s = plot.Add.ScatterPoints(xs.ToArray(), ys.ToArray(), FigureStyle.Series(series));
        s.LegendText = label;
        return s;
    }

    /// <summary>A dashed grey horizontal reference (baseline, prior) with its legend entry.</summary>
    public static HorizontalLine Reference(Plot plot, double y, string label)
    {
        var line = plot.Add.HorizontalLine(y, pattern: FigureStyle.Dashed, color: FigureStyle.Reference);
        line.LegendText = label;
        return line;
    }

    /// <summary>Ticks exactly at the given integer positions (e.g. the offloaded-component counts present in the data).</summary>
    public static void IntegerTicks(IAxis axis, IEnumerable<double> positions)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var p in positions.Distinct().Order()) ticks.AddMajor(p, p.ToString(CultureInfo.InvariantCulture));
        axis.TickGenerator = ticks;
    }

    /// <summary>
    /// Makes an axis that plots v = log10(data) read as data: ticks at 1, 2 and 5 × each power of ten spanned by
    /// the plot's scatter data on that axis (just the powers when the span is wide), labelled with the data value.
    /// </summary>
    public static void Log10Axis(Plot plot, IAxis axis)
    {
        var points = plot.GetPlottables<Scatter>().SelectMany(s => s.Data.GetScatterPoints()).ToList();
        var v = points.Select(p => axis == plot.Axes.Bottom ? p.X : p.Y).Where(double.IsFinite).ToList();
        if (v.Count == 0) return;
        var (lo, hi) = ((int)Math.Floor(v.Min()), (int)Math.Ceiling(v.Max()));
        var multiples = hi - lo > FigureStyle.LogDecadesWithMultiples ? [1] : FigureStyle.LogTickMultiples;
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var k = lo; k <= hi; k++)
            foreach (var m in multiples)
            {
                var value = m * Math.Pow(10, k);
                ticks.AddMajor(Math.Log10(value), value.ToString(k >= 0 ? "#,0" : "0.####", CultureInfo.InvariantCulture));
            }
        axis.TickGenerator = ticks;
    }

    public static double[] Log10(IEnumerable<double> values) => values.Select(Math.Log10).ToArray();

    public static string Percent(double fraction) => fraction.ToString("0.0%", CultureInfo.InvariantCulture);

    public static string Num(double v) => v.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary>The rows, or a <see cref="FigureDataException"/> saying which selection was empty.</summary>
    public static List<T> Require<T>(IEnumerable<T> rows, string what)
    {
        var list = rows.ToList();
        if (list.Count == 0) throw new FigureDataException($"no rows for {what}");
        return list;
    }

    /// <summary>A black label of a grid figure (row or column header) at data coordinates.</summary>
    public static void GridLabel(Plot plot, string text, double x, double y, Alignment alignment)
    {
        var t = plot.Add.Text(text, x, y);
        t.LabelFontColor = Colors.Black;
        t.LabelAlignment = alignment;
    }

    public static void Text(Plot plot, string text, double x, double y, int series)
    {
        var t = plot.Add.Text(text, x, y);
        t.LabelFontColor = FigureStyle.Series(series);
        t.LabelAlignment = Alignment.LowerCenter;
    }
}
