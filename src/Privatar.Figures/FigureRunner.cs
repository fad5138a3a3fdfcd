using System.Security.Cryptography;
using System.Text.Json;
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
public sealed partial class FigureRunner(FigureStyle style)
{
    public IReadOnlyList<FigureOutcome> RenderAll(string resultsDir, string outDir, string profile)
    {
        if (!Directory.Exists(resultsDir)) throw new DirectoryNotFoundException($"results folder {resultsDir} does not exist");
        var data = new FigureInputs(resultsDir);
        return FigureCatalog.For(data).Select(f => Render(f, data, outDir, profile)).ToList();
    }

    public FigureOutcome Render(IFigure figure, FigureInputs data, string outDir, string profile)
    {
        var (built, reason) = Build(figure, data, profile);
        if (built is null) return new FigureOutcome(figure, false, reason, []);
        using var plot = built;
        var (width, height) = figure.Size(style, data);
        return new FigureOutcome(figure, true, figure.PaperFigure, Save(plot, figure, outDir, width, height));
    }

    /// <summary>The styled, laid-out plot of a figure (the caller disposes it), or null and why it is not drawn.</summary>
    public (Plot? Plot, string Reason) Build(IFigure figure, FigureInputs data, string profile)
    {
        var missing = figure.Inputs.Where(i => !data.Has(i)).Select(i => i.FileName).ToList();
        if (missing.Count > 0) return (null, $"missing {string.Join(", ", missing)}");
        using var palette = style.Use();
        var plot = new Plot();
        try { figure.Render(plot, data); }
        catch (FigureDataException e) { plot.Dispose(); return (null, e.Message); }
        ApplyStyle(plot);
        plot.Axes.AddPanel(new CaptionPanel(Caption(figure, data, profile), style));
        var (width, height) = figure.Size(style, data);
        FigureLayout.Apply(plot, style, width, height);
        return (plot, "");
    }

    /// <summary>
    /// One pipeline unit's work: the figure, or (when its tables hold none of its rows) a plain image saying why it
    /// is not drawn, plus <c>&lt;name&gt;.json</c> recording status, reason, caption and the SHA-256 of every source.
    /// </summary>
    public FigureOutcome RenderUnit(IFigure figure, FigureInputs data, string outDir, string profile)
    {
        var outcome = Render(figure, data, outDir, profile);
        var files = outcome.Files.ToList();
        if (!outcome.Rendered)
        {
            using var plot = new Plot();
            plot.HideAxesAndGrid();
            plot.Title(figure.Name);
            var note = plot.Add.Text($"not drawn: {outcome.Detail}", 0, 0);
            note.LabelAlignment = Alignment.MiddleCenter;
            note.LabelFontSize = style.AxisLabelSize;
            plot.Axes.AddPanel(new CaptionPanel($"profile {profile} · {figure.PaperFigure}", style));
            files = Save(plot, figure, outDir, style.Width, style.Height);
        }
        var json = Path.Combine(outDir, figure.Name + ".json");
        AtomicFile.WriteAllText(json, JsonSerializer.Serialize(new FigureRecord(figure.Name, figure.PaperFigure, figure.Description, profile,
            outcome.Rendered ? "drawn" : "not drawn", outcome.Rendered ? "" : outcome.Detail,
            outcome.Rendered ? Caption(figure, data, profile) : "",
            figure.Inputs.Where(data.Has).Select(i => new FigureSource(i.FileName, Sha256(Path.Combine(data.ResultsDir, i.FileName)))).ToList()), Json) + "\n");
        files.Add(json);
        return outcome with { Files = files };
    }

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    List<string> Save(Plot plot, IFigure figure, string outDir, int width, int height)
    {
        var png = Path.Combine(outDir, figure.Name + ".png");
        var svg = Path.Combine(outDir, figure.Name + ".svg");
        plot.ScaleFactor = style.Scale;
        AtomicFile.WriteAllBytes(png, plot.GetImageBytes(width, height, ImageFormat.Png));
        plot.ScaleFactor = 1;
        AtomicFile.WriteAllText(svg, StableClipIds(SvgWithDashes(plot, width, height)));
        return [png, svg];
    }

    /// <summary>
    /// Skia's SVG canvas drops path effects (printing "Unsupported path effect in addPaint." per dashed line), so a
    /// dashed series would come out solid. Dashed lines are drawn solid with a tag alpha instead, and the tagged
    /// strokes get an SVG <c>stroke-dasharray</c>: the SVG keeps the dashes and nothing is printed.
    /// </summary>
    static string SvgWithDashes(Plot plot, int width, int height)
    {
        var dashes = new List<string>();
        foreach (var line in plot.GetPlottables().OfType<IHasLine>())
        {
            var intervals = line.LineStyle.Pattern.Intervals;
            if (intervals is not { Length: > 0 }) continue;
            line.LineStyle.Pattern = LinePattern.Solid;
            line.LineStyle.Color = line.LineStyle.Color.WithAlpha(FigureStyle.SvgDashTagAlpha);
            dashes.Add(string.Join(' ', intervals.Select(i => i.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture))));
        }
        var svg = plot.GetSvgXml(width, height);
        if (dashes.Count == 0) return svg;
        var tag = $" stroke-opacity=\"{(FigureStyle.SvgDashTagAlpha / (float)byte.MaxValue).ToString("R", System.Globalization.CultureInfo.InvariantCulture)}";
        return System.Text.RegularExpressions.Regex.Replace(svg, $"{System.Text.RegularExpressions.Regex.Escape(tag)}[0-9]*\"", $" stroke-dasharray=\"{dashes[0]}\"");
    }

    /// <summary>
    /// Skia's SVG canvas numbers clip paths (<c>cl_&lt;hex&gt;</c>) with a counter for the whole process, so the same figure
    /// drawn by a worker that drew others first got other ids, and two clean builds other bytes. Each id is renumbered
    /// by its first appearance in the document.
    /// </summary>
    internal static string StableClipIds(string svg)
    {
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        return ClipId().Replace(svg, m => ids.TryGetValue(m.Value, out var id) ? id
            : ids[m.Value] = "cl_" + ids.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\bcl_[0-9a-f]+\b")]
    private static partial System.Text.RegularExpressions.Regex ClipId();

    /// <summary>"profile smoke · data: capacity.csv@1a2b3c4d, … · notebook cell 7": where every plotted number came from.</summary>
    public static string Caption(IFigure figure, FigureInputs data, string profile)
    {
        var sources = figure.Inputs.Select(i => $"{i.FileName}@{ShortHash(Path.Combine(data.ResultsDir, i.FileName))}");
        return $"profile {profile} · data: {string.Join(", ", sources)} · {figure.PaperFigure}";
    }

    public static string ShortHash(string path) => Sha256(path)[..8];

    static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
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
            if (s.MarkerSize > 0) s.MarkerSize = style.MarkerSize; // lines drawn without markers (radar views) stay so
        }
        foreach (var b in plot.GetPlottables<ScottPlot.Plottables.BarPlot>())
            foreach (var bar in b.Bars) bar.Size = style.BarWidth;
        foreach (var t in plot.GetPlottables<ScottPlot.Plottables.Text>()) t.LabelFontSize = style.AnnotationSize;
    }
}

/// <summary>The sidecar <c>&lt;figure&gt;.json</c> the report reads: what was drawn from which files, or why not.</summary>
public sealed record FigureRecord(string Name, string PaperFigure, string Description, string Profile, string Status, string Reason, string Caption, IReadOnlyList<FigureSource> Sources);

public sealed record FigureSource(string File, string Sha256);
