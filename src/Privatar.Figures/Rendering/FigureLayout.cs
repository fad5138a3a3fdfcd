using ScottPlot;
using ScottPlot.Plottables;

namespace Privatar.Figures;

/// <summary>
/// What the runner does to every recipe's plot before saving it, so no recipe can get it wrong: the legend goes
/// outside the data area with symbols long enough to show a dash, coinciding series are drawn as one with a legend
/// entry saying so, long text is wrapped by its measured width, and annotations are kept inside the data area by
/// widening the axis limits until their measured extents fit.
/// </summary>
public static class FigureLayout
{
    public static void Apply(Plot plot, FigureStyle style, int width, int height)
    {
        MergeCoinciding(plot);
        LegendOutside(plot, style, width);
        // the title and axis labels are centred on the data area: wrap them to its measured size
        var data = Measure(plot, width, height);
        plot.Axes.Title.Label.Text = Wrap(plot.Axes.Title.Label.Text, plot.Axes.Title.Label, Math.Min(width * FigureStyle.TitleMaxWidthShare, 2 * Math.Min(data.HorizontalCenter, width - data.HorizontalCenter) - 2 * FigureStyle.TextFitPadding));
        plot.Axes.Bottom.Label.Text = Wrap(plot.Axes.Bottom.Label.Text, plot.Axes.Bottom.Label, data.Width);
        plot.Axes.Left.Label.Text = Wrap(plot.Axes.Left.Label.Text, plot.Axes.Left.Label, data.Height);
        FitText(plot, width, height);
    }

    /// <summary>The data area of the plot laid out at this size (rendered on a copy of nothing: layout only).</summary>
    static PixelRect Measure(Plot plot, int width, int height)
    {
        plot.RenderInMemory(width, height);
        return plot.LastRender.DataRect;
    }

    /// <summary>Every legend as a panel right of the data area: it can never cover a data point.</summary>
    static void LegendOutside(Plot plot, FigureStyle style, int width)
    {
        var panels = plot.Axes.GetPanels().OfType<ScottPlot.Panels.LegendPanel>().ToList();
        if (!plot.Legend.IsVisible && panels.Count == 0) return;
        foreach (var p in panels) plot.Axes.Remove(p);
        if (plot.Legend.GetItems().Length == 0) { plot.HideLegend(); return; } // an empty legend panel measures as NaN
        plot.ShowLegend(Edge.Right);
        // one column, each entry as tall as its own text: the default layout gives every entry the height of the
        // tallest (a wrapped coincidence note) and flows them into columns that squeeze the data area
        plot.Legend.Layout = new ColumnLegendLayout();
        plot.Legend.SymbolWidth = FigureStyle.LegendSymbolWidth;
        foreach (var item in plot.GetPlottables().OfType<IHasLegendText>())
            item.LegendText = Wrap(item.LegendText, style.TickLabelSize, width * FigureStyle.LegendMaxWidthShare);
    }

    /// <summary>
    /// Series with the same points (within <see cref="FigureStyle.CoincideTolerance"/>) hide each other: the one drawn
    /// last is the one seen, so its legend entry names them all and says they coincide; the others have none.
    /// </summary>
    public static void MergeCoinciding(Plot plot)
    {
        var labelled = plot.GetPlottables<Scatter>().Where(s => s.LegendText.Length > 0).ToList();
        var done = new HashSet<Scatter>();
        foreach (var s in labelled)
        {
            if (done.Contains(s)) continue;
            var group = labelled.Where(o => !done.Contains(o) && Same(s, o)).ToList();
            done.UnionWith(group);
            if (group.Count < 2) continue;
            var top = group[^1];
            top.LegendText = string.Join(" = ", group.Select(g => g.LegendText)) + $" (identical: {group.Count} series drawn as one)";
            foreach (var g in group.Take(group.Count - 1)) g.LegendText = "";
        }
    }

    static bool Same(Scatter a, Scatter b)
    {
        if (a.Axes.YAxis != b.Axes.YAxis) return false;
        var (p, q) = (a.Data.GetScatterPoints(), b.Data.GetScatterPoints());
        return p.Count == q.Count && p.Count > 0 && p.Zip(q).All(t => Close(t.First.X, t.Second.X) && Close(t.First.Y, t.Second.Y));
    }

    static bool Close(double x, double y) => Math.Abs(x - y) <= FigureStyle.CoincideTolerance * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y)));

    /// <summary>Breaks <paramref name="text"/> between words so no line is wider than <paramref name="maxPx"/> at that font size.</summary>
    public static string Wrap(string text, float fontSize, double maxPx) => Wrap(text, new LabelStyle { FontSize = fontSize }, maxPx);

    /// <summary>As above, measured in the label's own font (a bold title is wider).</summary>
    public static string Wrap(string text, LabelStyle label, double maxPx)
    {
        if (text.Length == 0) return text;
        using var paint = Paint.NewDisposablePaint();
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ').SelectMany(w => Pieces(w, label, paint, maxPx)))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && label.Measure(candidate, paint).Width > maxPx) { lines.Add(line); line = word; }
                else line = candidate;
            }
            lines.Add(line);
        }
        return string.Join('\n', lines);
    }

    /// <summary>A word wider than a line (a long file or configuration name) broken into pieces that fit.</summary>
    static IEnumerable<string> Pieces(string word, LabelStyle label, Paint paint, double maxPx)
    {
        if (word.Length <= 1 || label.Measure(word, paint).Width <= maxPx) { yield return word; yield break; }
        var start = 0;
        while (start < word.Length)
        {
            var end = start + 1;
            while (end < word.Length && label.Measure(word[start..(end + 1)], paint).Width <= maxPx) end++;
            yield return word[start..end];
            start = end;
        }
    }

    /// <summary>
    /// Renders the plot and, while an annotation's measured text pokes out of the data area, widens the limits of
    /// its axes by the overflow (a few rounds: widening shrinks the pixels per unit).
    /// </summary>
    static void FitText(Plot plot, int width, int height)
    {
        var texts = plot.GetPlottables<Text>().ToList();
        if (texts.Count == 0) return;
        for (var round = 0; round < FigureStyle.TextFitRounds; round++)
        {
            plot.RenderInMemory(width, height);
            var data = plot.LastRender.DataRect;
            var pad = FigureStyle.TextFitPadding;
            var rects = texts.Select(t => t.LabelStyle.LastRenderPixelRect).ToList();
            var (left, right) = (Math.Max(0, data.Left + pad - rects.Min(r => r.Left)), Math.Max(0, rects.Max(r => r.Right) - data.Right + pad));
            var (top, bottom) = (Math.Max(0, data.Top + pad - rects.Min(r => r.Top)), Math.Max(0, rects.Max(r => r.Bottom) - data.Bottom + pad));
            if (left + right + top + bottom < 1) return;
            var limits = plot.Axes.GetLimits();
            var (ux, uy) = (limits.HorizontalSpan / data.Width, limits.VerticalSpan / data.Height);
            plot.Axes.SetLimits(limits.Left - left * ux, limits.Right + right * ux, limits.Bottom - bottom * uy, limits.Top + top * uy);
        }
    }
}
