using Privatar.Results;
using ScottPlot;
using ScottPlot.Plottables;
using Xunit;

namespace Privatar.Figures.Tests;

/// <summary>The layout guarantees, asserted from ScottPlot's own layout after a render (pixel rectangles, not eyes).</summary>
public sealed class FigureLayoutTests
{
    static readonly FigureStyle Style = FigureStyle.Default;

    /// <summary>Every problem a reader would see: legend over the data, text out of its area, a label cut by the figure edge.</summary>
    internal static List<string> Problems(Plot plot, int width, int height)
    {
        plot.RenderInMemory(width, height);
        var (figure, data) = (plot.LastRender.FigureRect, plot.LastRender.DataRect);
        var problems = new List<string>();
        if (plot.Legend.IsVisible && plot.Legend.GetItems().Length > 0) problems.Add("legend drawn inside the data area");
        foreach (var item in plot.Legend.GetItems())
        {
            var r = item.LabelStyle.LastRenderPixelRect;
            if (Overlap(r, data)) problems.Add($"legend entry '{item.LabelText}' overlaps the data area");
            if (!Inside(r, figure)) problems.Add($"legend entry '{item.LabelText}' clipped: {r} outside {figure}");
        }
        foreach (var t in plot.GetPlottables<Text>())
            if (!Inside(t.LabelStyle.LastRenderPixelRect, data)) problems.Add($"annotation '{t.LabelText}' leaves the data area: {t.LabelStyle.LastRenderPixelRect} vs {data}");
        foreach (var label in new[] { plot.Axes.Title.Label, plot.Axes.Bottom.Label }.Where(l => l.Text.Length > 0))
            if (!Inside(label.LastRenderPixelRect, figure)) problems.Add($"label '{label.Text}' clipped: {label.LastRenderPixelRect}");
        return problems;
    }

    static bool Overlap(PixelRect a, PixelRect b) => a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;

    static bool Inside(PixelRect r, PixelRect outer) =>
        r.Left >= outer.Left - 1 && r.Right <= outer.Right + 1 && r.Top >= outer.Top - 1 && r.Bottom <= outer.Bottom + 1;

    [Fact]
    public void Should_Lay_Out_Every_Recipe_Without_A_Legend_Over_Data_Or_A_Clipped_Label()
    {
        using var fx = new FixtureCopy();
        var data = new FigureInputs(fx.Results);
        var runner = new FigureRunner(Style);
        var problems = new List<string>();
        foreach (var figure in FigureCatalog.For(data))
        {
            var (plot, reason) = runner.Build(figure, data, "fixture");
            Assert.True(plot is not null, $"{figure.Name}: {reason}");
            using (plot)
            {
                var (w, h) = figure.Size(Style, data);
                problems.AddRange(Problems(plot, w, h).Select(p => $"{figure.Name}: {p}"));
            }
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void Should_Keep_Twelve_Series_Apart_By_Colour_And_Marker()
    {
        using var plot = new Plot();
        using var palette = Style.Use();
        var series = Enumerable.Range(0, 12).Select(i => Draw.Line(plot, [0, 1], [i, i + 1], $"series {i}", i)).ToList();
        Assert.Equal(12, series.Select(s => (s.Color, s.MarkerShape)).Distinct().Count());
    }

    [Fact]
    public void Should_Keep_Long_Legend_Titles_And_Labels_Inside_The_Figure_With_The_Legend_Outside()
    {
        using var plot = new Plot();
        using var palette = Style.Use();
        var rng = new Random(1);
        for (var i = 0; i < 12; i++)
            Draw.Line(plot, Enumerable.Range(0, 20).Select(x => (double)x).ToList(), Enumerable.Range(0, 20).Select(_ => rng.NextDouble()).ToList(),
                $"a deliberately long legend label for series number {i} that would never fit on one line", i);
        Draw.Labels(plot, string.Join(' ', Enumerable.Repeat("a very long title", 12)), string.Join(' ', Enumerable.Repeat("long x label", 12)), "y");
        plot.ShowLegend(Alignment.UpperRight); // a recipe asking for a legend inside the axes
        FigureLayout.Apply(plot, Style, Style.Width, Style.Height);
        var problems = Problems(plot, Style.Width, Style.Height);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Should_Draw_A_Dashed_Series_Dashed_In_Its_Legend_Entry()
    {
        using var plot = new Plot();
        Draw.Line(plot, [0, 1], [0, 1], "dashed", 0, dashed: true);
        plot.ShowLegend(Edge.Right);
        FigureLayout.Apply(plot, Style, Style.Width, Style.Height);
        using var image = plot.Legend.GetImage();
        var bytes = image.GetImageBytes(ImageFormat.Png);
        using var bitmap = SkiaSharp.SKBitmap.Decode(bytes);
        // rows through the symbol, left of the label: the most switches between line colour and background
        var labelLeft = (int)FigureStyle.LegendSymbolWidth; // the symbol starts a padding in and ends before the label
        var colour = FigureStyle.Series(0);
        var switches = Enumerable.Range(0, bitmap.Height).Max(row =>
        {
            var (count, previous) = (0, (bool?)null);
            for (var x = 0; x < Math.Min(labelLeft, bitmap.Width); x++)
            {
                var c = bitmap.GetPixel(x, row);
                var line = c.Blue > c.Red + 60; // the series colour (blue) against the white background
                if (previous is not null && previous != line) count++;
                previous = line;
            }
            return count;
        });
        Assert.True(switches >= 4, $"the legend symbol shows {switches / 2} dash gap(s); a dashed series needs at least two visible dashes");
    }

    [Fact]
    public void Should_Say_When_Series_Coincide_And_Draw_Them_As_One()
    {
        using var plot = new Plot();
        Draw.Line(plot, [2, 8, 14], [0.25, 0.5, 0.25], "MI 4", 0);
        Draw.Line(plot, [2, 8, 14], [0.25, 0.5, 0.25], "MI 3", 1);
        Draw.Line(plot, [2, 8, 14], [0.25, 0.25, 0.5], "MI 0.1", 2);
        FigureLayout.MergeCoinciding(plot);
        var labels = plot.GetPlottables<Scatter>().Select(s => s.LegendText).Where(t => t.Length > 0).ToList();
        Assert.Equal(["MI 4 = MI 3 (identical: 2 series drawn as one)", "MI 0.1"], labels);
    }

    [Fact]
    public void Should_Label_Minor_Ticks_On_A_Log_Axis_Spanning_Two_Decades()
    {
        using var plot = new Plot();
        Draw.Line(plot, [0, 1, 2], Draw.Log10([5, 50, 500]), "loss", 0);
        Draw.Log10Axis(plot, plot.Axes.Left);
        plot.RenderInMemory(Style.Width, Style.Height);
        var range = plot.Axes.Left.Range;
        var labels = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor && t.Position >= range.Min && t.Position <= range.Max).Select(t => t.Label).ToList();
        Assert.Superset(new HashSet<string> { "10", "20", "50", "100", "200" }, labels.ToHashSet());
        Assert.Contains(plot.Axes.Left.TickGenerator.Ticks, t => !t.IsMajor);
    }

    [Fact]
    public void Should_Leave_Zeros_Off_A_Log_Axis_And_Say_So()
    {
        using var plot = new Plot();
        var s = Draw.Line(plot, [0, 1, 2], Draw.Log10([0, 10, 100]), "noise", 0);
        Assert.All(s.Data.GetScatterPoints(), p => Assert.True(double.IsFinite(p.Y)));
        Assert.Equal("noise (1 point ≤ 0 not on the log scale)", s.LegendText);
        Draw.Log10Axis(plot, plot.Axes.Left);
        FigureLayout.Apply(plot, Style, Style.Width, Style.Height);
        Assert.Empty(Problems(plot, Style.Width, Style.Height));
    }

    [Fact]
    public void Should_Give_The_Radar_Charts_A_Labelled_Radial_Scale()
    {
        using var fx = new FixtureCopy();
        using var plot = new Plot();
        new Fig15NoiseRadar(vectors: true).Render(plot, new FigureInputs(fx.Results));
        var axis = plot.GetPlottables<PolarAxis>().Single();
        Assert.Equal(FigureStyle.RadarCircles, axis.Circles.Count);
        Assert.All(axis.Circles, c => Assert.False(string.IsNullOrEmpty(c.LabelText)));
    }

    [Fact]
    public void Should_Size_The_Grid_So_Long_Row_Labels_Fit()
    {
        // Given grid rows with long sample names
        using var fx = new FixtureCopy();
        var csv = Path.Combine(fx.Results, "reconstruction_grid.csv");
        var lines = File.ReadAllLines(csv);
        File.WriteAllLines(csv, lines.Take(1).Concat(lines.Skip(1).Select(l => "EXP_ROM07_Facial_Expressions_and_a_much_longer_name " + l)));
        var data = new FigureInputs(fx.Results);
        var grid = new ExtraReconstructionGrid();
        var (plot, reason) = new FigureRunner(Style).Build(grid, data, "fixture");
        Assert.True(plot is not null, reason);
        using (plot)
        {
            var (w, h) = grid.Size(Style, data);
            Assert.Empty(Problems(plot, w, h));
        }
    }
}
