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

    /// <summary>
    /// A series in the style's colour and marker for <paramref name="series"/>. Points that are not finite (log10 of a
    /// zero) cannot be placed: they are left out and the legend says how many.
    /// </summary>
    public static Scatter Line(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, string label, int series, bool dashed = false)
    {
        var (px, py, dropped) = Finite(xs, ys);
        var s = plot.Add.Scatter(px, py, FigureStyle.Series(series));
        s.MarkerShape = FigureStyle.Marker(series);
        // an unlabelled series still says when points are missing from it
        if (label.Length > 0 || dropped > 0) s.LegendText = (label + Dropped(dropped)).TrimStart();
        if (dashed) s.LinePattern = FigureStyle.Dashed;
        return s;
    }

    public static Scatter Points(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys, string label, int series)
    {
        var (px, py, dropped) = Finite(xs, ys);
        var s = plot.Add.ScatterPoints(px, py, FigureStyle.Series(series));
        s.MarkerShape = FigureStyle.Marker(series);
        s.LegendText = label + Dropped(dropped);
        return s;
    }

    static (double[] X, double[] Y, int Dropped) Finite(IReadOnlyList<double> xs, IReadOnlyList<double> ys)
    {
        var keep = Enumerable.Range(0, Math.Min(xs.Count, ys.Count)).Where(i => double.IsFinite(xs[i]) && double.IsFinite(ys[i])).ToList();
        return (keep.Select(i => xs[i]).ToArray(), keep.Select(i => ys[i]).ToArray(), xs.Count - keep.Count);
    }

    static string Dropped(int n) => n == 0 ? "" : $" ({n} point{(n == 1 ? "" : "s")} ≤ 0 not on the log scale)";

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
    /// Makes an axis that plots v = log10(data) read as data: a labelled tick at every power of ten, and minor ticks at
    /// 2-9 × each power. Minor ticks are labelled too while the data spans few decades: all of them within one decade,
    /// 2 and 5 up to <see cref="FigureStyle.LogDecadesWithMultiples"/>, so the axis always reads with several values.
    /// </summary>
    public static void Log10Axis(Plot plot, IAxis axis)
    {
        var points = plot.GetPlottables<Scatter>().SelectMany(s => s.Data.GetScatterPoints()).ToList();
        var v = points.Select(p => axis == plot.Axes.Bottom ? p.X : p.Y).Where(double.IsFinite).ToList();
        if (v.Count == 0) return;
        var span = v.Max() - v.Min();
        var (lo, hi) = ((int)Math.Floor(v.Min()), (int)Math.Ceiling(v.Max()));
        var labelled = span < 1 ? FigureStyle.LogAllMultiples : span <= FigureStyle.LogDecadesWithMultiples ? FigureStyle.LogTickMultiples : [1];
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        for (var k = lo; k <= hi; k++)
            foreach (var m in FigureStyle.LogAllMultiples)
            {
                var value = m * Math.Pow(10, k);
                if (labelled.Contains(m)) ticks.AddMajor(Math.Log10(value), value.ToString(k >= 0 ? "#,0" : "0.#########", CultureInfo.InvariantCulture));
                else ticks.AddMinor(Math.Log10(value));
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

    /// <summary>The widest of <paramref name="labels"/> in pixels at <paramref name="fontSize"/> (a grid's label column).</summary>
    public static float MeasureWidth(IEnumerable<string> labels, float fontSize)
    {
        using var paint = Paint.NewDisposablePaint();
        var style = new LabelStyle { FontSize = fontSize };
        return labels.SelectMany(l => l.Split('\n')).Max(l => style.Measure(l, paint).Width);
    }

    /// <summary>A coloured annotation at a data point; none at a point that cannot be placed (log10 of a zero).</summary>
    public static void Text(Plot plot, string text, double x, double y, int series)
    {
        if (!double.IsFinite(x) || !double.IsFinite(y)) return;
        var t = plot.Add.Text(text, x, y);
        t.LabelFontColor = FigureStyle.Series(series);
        t.LabelAlignment = Alignment.LowerCenter;
    }
}
