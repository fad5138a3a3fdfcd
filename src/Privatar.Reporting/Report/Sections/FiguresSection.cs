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
                .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        return FigureCatalog.For(ctx.Data).Select(f =>
        {
            var drawn = File.Exists(Path.Combine(dir, f.Name + ".png"));
            var missing = f.Inputs.Where(i => !ctx.Data.Has(i)).Select(i => $"`{i.FileName}`").ToList();
            return new ReportedFigure(f.Name, f.PaperFigure, f.Description, drawn,
                drawn ? "" : missing.Count > 0 ? $"missing {string.Join(", ", missing)}" : "not rendered, or its tables hold no rows for it");
        }).ToList();
    }

        public static bool IsFidelity(string name) => FigureGroups.Of(name).Id == "fig-fidelity";

    /// <summary>
    /// The figure index (one table), then one part per group of the paper with its figures as thumbnails that open
    /// full size. The original-vs-corrected figures are shown in the fidelity section beside their tables.
    /// </summary>
    public static ReportSection Build(ReportContext ctx)
    {
        var figures = List(ctx);
        var blocks = new List<ReportBlock>
        {
            new Paragraph("Drawn from the CSVs, never from typed-in numbers (the original's notebook types them into its cells, privatar-original.md §7); " +
                "each image's footer names the profile and the files it was drawn from, with a content hash. Click a thumbnail for the full-size image."),
        };
        foreach (var group in FigureGroups.All.Append(FigureGroups.Other).Where(g => g.Id != "fig-fidelity"))
        {
            var members = figures.Where(f => FigureGroups.Of(f.Name) == group).ToList();
            if (members.Count == 0) continue;
            blocks.Add(new Heading(group.Title, group.Id));
            blocks.AddRange(Shown(ctx, members));
        }
        blocks.Add(new Folded($"Index: our {figures.Count} figures and the original's", [new Table(["figure", "original", "what it shows"], figures.Select(f => (IReadOnlyList<string>)
            [$"`{f.Name}`", f.PaperFigure, f.Drawn ? f.Description : $"**not drawn**: {f.Reason}"]).ToList())]));
        return new ReportSection("figures", "Figures", blocks);
    }

    /// <summary>The drawn figures as one gallery, then a line per figure that is not drawn and why.</summary>
    public static IEnumerable<ReportBlock> Shown(ReportContext ctx, IReadOnlyList<ReportedFigure> figures)
    {
        var images = figures.Select(f => (f, Png: Path.Combine(ctx.Options.Figures, f.Name + ".png"))).ToList();
        var drawn = images.Where(i => i.f.Drawn && File.Exists(i.Png)).Select(i => new Figure(ctx.Link(i.Png), $"`{i.f.Name}` ({i.f.PaperFigure}): {i.f.Description}")).ToList();
        if (drawn.Count > 0) yield return new Gallery(drawn);
        var missing = images.Where(i => !(i.f.Drawn && File.Exists(i.Png))).Select(i => $"`{i.f.Name}` not drawn: {(i.f.Drawn ? $"`{ctx.Link(i.Png)}` is missing" : i.f.Reason)}").ToList();
        if (missing.Count > 0) yield return new Bullets(missing);
    }
}
