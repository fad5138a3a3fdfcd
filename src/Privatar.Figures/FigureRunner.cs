using System.Security.Cryptography;
using Privatar.Core;
using ScottPlot;

namespace Privatar.Figures;

/// <summary>What happened to one figure: rendered (with its files) or skipped (with the reason).</summary>
public sealed record FigureOutcome(IFigure Figure, bool Rendered, string Detail, IReadOnlyList<string> Files);

/// <summary>
/// Loads the result tables, renders each recipe at the style's size, adds the caption (profile, source CSVs with a
/// short content hash, paper figure) and writes <c>&lt;out&gt;/&lt;name&gt;.png</c> and <c>.svg</c> atomically.
/// A figure whose inputs are missing or hold none of its rows is skipped with the reason, never drawn empty.
/// </summary>
public sealed class FigureRunner(FigureStyle style)
{
    public IReadOnlyList<FigureOutcome> RenderAll(string resultsDir, string outDir, string profile)
    {
        if (!Directory.Exists(resultsDir)) throw new DirectoryNotFoundException($"results folder {resultsDir} does not exist");
        var data = new FigureInputs(resultsDir);
        return FigureCatalog.For(data).Select(f => Render(f, data, outDir, profile)).ToList();
    }

    public FigureOutcome Render(IFigure figure, FigureInputs data, string outDir, string profile)
    {
        var missing = figure.Inputs.Where(i => !data.Has(i)).Select(i => i.FileName).ToList();
        if (missing.Count > 0) return new FigureOutcome(figure, false, $"missing {string.Join(", ", missing)}", []);
        using var plot = new Plot();
        try { figure.Render(plot, data); }
        catch (FigureDataException e) { return new FigureOutcome(figure, false, e.Message, []); }
        ApplyStyle(plot);
        plot.Axes.AddPanel(new CaptionPanel(Caption(figure, data, profile), style));
        var png = Path.Combine(outDir, figure.Name + ".png");
        var svg = Path.Combine(outDir, figure.Name + ".svg");
        AtomicFile.WriteAllBytes(png, plot.GetImageBytes(style.Width, style.Height, ImageFormat.Png));
        AtomicFile.WriteAllText(svg, plot.GetSvgXml(style.Width, style.Height));
        return new FigureOutcome(figure, true, figure.PaperFigure, [png, svg]);
    }

    /// <summary>"profile smoke · data: capacity.csv@1a2b3c4d, … · notebook cell 7": where every plotted number came from.</summary>
    public static string Caption(IFigure figure, FigureInputs data, string profile)
    {
        var sources = figure.Inputs.Select(i => $"{i.FileName}@{ShortHash(Path.Combine(data.ResultsDir, i.FileName))}");
        return $"profile {profile} · data: {string.Join(", ", sources)} · {figure.PaperFigure}";
    }

    public static string ShortHash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream))[..8];
    }

    void ApplyStyle(Plot plot)
    {
        plot.Axes.Title.Label.FontSize = style.TitleSize;
        foreach (var axis in plot.Axes.GetAxes())
        {
            axis.Label.FontSize = style.AxisLabelSize;
            axis.TickLabelStyle.FontSize = style.TickLabelSize;
        }
        plot.Legend.FontSize = style.TickLabelSize;
        foreach (var s in plot.GetPlottables<ScottPlot.Plottables.Scatter>())
        {
            s.LineWidth = style.LineWidth;
            s.MarkerSize = style.MarkerSize;
        }
        foreach (var b in plot.GetPlottables<ScottPlot.Plottables.BarPlot>())
            foreach (var bar in b.Bars) bar.Size = style.BarWidth;
        foreach (var t in plot.GetPlottables<ScottPlot.Plottables.Text>()) t.LabelFontSize = style.AnnotationSize;
    }
}
