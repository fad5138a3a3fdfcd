using System.Text.Json;
using Privatar.Figures;

namespace Privatar.Reporting;

/// <summary>A figure as the report lists it: from the Figures step's <c>&lt;name&gt;.json</c>, or from the catalog when there is none.</summary>
public sealed record ReportedFigure(string Name, string PaperFigure, string Description, bool Drawn, string Reason);

/// <summary>Every figure, mapped to the original notebook's figure, with what it shows.</summary>
public static class FiguresSection
{
    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>The figures of the figures folder (one per Figures unit), or, without sidecars, every catalog figure by its PNG.</summary>
    public static IReadOnlyList<ReportedFigure> List(ReportContext ctx)
    {
        var dir = ctx.Options.Figures;
        var records = Directory.Exists(dir) ? Directory.GetFiles(dir, "*.json").Order(StringComparer.Ordinal).ToList() : [];
        if (records.Count > 0)
            return records.Select(f => JsonSerializer.Deserialize<FigureRecord>(File.ReadAllText(f), Json)
                    ?? throw new InvalidDataException($"{f}: not a figure record"))
                .Select(r => new ReportedFigure(r.Name, r.PaperFigure, r.Description, r.Status == "drawn", r.Reason))
                .OrderBy(r => Order(r.Name)).ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
        return FigureCatalog.For(ctx.Data).Select(f =>
        {
            var drawn = File.Exists(Path.Combine(dir, f.Name + ".png"));
            var missing = f.Inputs.Where(i => !ctx.Data.Has(i)).Select(i => $"`{i.FileName}`").ToList();
            return new ReportedFigure(f.Name, f.PaperFigure, f.Description, drawn,
                drawn ? "" : missing.Count > 0 ? $"missing {string.Join(", ", missing)}" : "not rendered, or its tables hold no rows for it");
        }).ToList();
    }

    /// <summary>Paper figures first (by number), then the grid, the other extras, and the per-model training curves last.</summary>
    static int Order(string name) => name.StartsWith("fig", StringComparison.Ordinal) ? 0
        : name == "extra_reconstruction_grid" ? 1 : name.StartsWith("extra_training_curves", StringComparison.Ordinal) ? 3 : 2;

    public static bool IsCurves(string name) => name.StartsWith("extra_training_curves", StringComparison.Ordinal);
    public static bool IsFidelity(string name) => name.StartsWith("extra_fidelity", StringComparison.Ordinal);

    public static ReportSection Build(ReportContext ctx)
    {
        var figures = List(ctx);
        var blocks = new List<ReportBlock>
        {
            new Paragraph("Our figure → the original's. The original draws its figures from numbers typed into notebook cells " +
                "(privatar-original.md §7); these are drawn from the CSVs, and each caption line names the profile and the files (with a content hash)."),
            new Table(["figure", "original", "what it shows"], figures.Select(f => (IReadOnlyList<string>)
                [$"`{f.Name}`", f.PaperFigure, f.Drawn ? f.Description : $"**not drawn**: {f.Reason}"]).ToList()),
        };
        foreach (var f in figures.Where(f => f.Drawn && !IsFidelity(f.Name) && !IsCurves(f.Name)))
        {
            blocks.Add(new Heading($"`{f.Name}` — {f.PaperFigure}"));
            blocks.Add(Image(ctx, f));
        }
        var curves = figures.Where(f => f.Drawn && IsCurves(f.Name)).ToList();
        if (curves.Count > 0)
        {
            blocks.Add(new Heading("Training curves, one per trained model (not in the paper)"));
            blocks.AddRange(curves.Select(f => Image(ctx, f) is Figure img ? img with { Thumbnail = true } : Image(ctx, f)));
        }
        return new ReportSection("figures", "Figures", blocks);
    }

    /// <summary>The figure's PNG, or a sentence saying why there is none.</summary>
    public static ReportBlock Image(ReportContext ctx, ReportedFigure f)
    {
        var png = Path.Combine(ctx.Options.Figures, f.Name + ".png");
        return f.Drawn && File.Exists(png) ? new Figure(ctx.Link(png), f.Description) : new Paragraph($"`{f.Name}` not drawn: {f.Reason}");
    }
}
