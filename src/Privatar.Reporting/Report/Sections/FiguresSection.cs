using Privatar.Figures;

namespace Privatar.Reporting;

/// <summary>Every figure, mapped to the original notebook's figure, with what it shows.</summary>
public static class FiguresSection
{
    public static ReportSection Build(ReportContext ctx)
    {
        var figures = FigureCatalog.For(ctx.Data);
        var blocks = new List<ReportBlock>
        {
            new Paragraph("Our figure → the original's. The original draws its figures from numbers typed into notebook cells " +
                "(privatar-original.md §7); these are drawn from the CSVs. The texture/render comparison grid is not drawn yet."),
            new Table(["figure", "original", "what it shows"], figures.Select(f => (IReadOnlyList<string>)[$"`{f.Name}`", f.PaperFigure, f.Description]).ToList()),
        };
        foreach (var f in figures.Where(f => !f.Name.StartsWith("extra_fidelity", StringComparison.Ordinal)))
        {
            blocks.Add(new Heading($"`{f.Name}` — {f.PaperFigure}"));
            blocks.Add(Image(ctx, f));
        }
        return new ReportSection("figures", "Figures", blocks);
    }

    /// <summary>The figure's PNG, or a sentence saying why there is none.</summary>
    public static ReportBlock Image(ReportContext ctx, IFigure f)
    {
        var png = Path.Combine(ctx.Options.Figures, f.Name + ".png");
        if (File.Exists(png)) return new Figure(ctx.Link(png), f.Description);
        var missing = f.Inputs.Where(i => !ctx.Data.Has(i)).Select(i => $"`{i.FileName}`").ToList();
        return new Paragraph(missing.Count > 0 ? $"Not drawn: missing {string.Join(", ", missing)}." : "Not drawn: run `privatar figures render` first, or its tables hold no rows for it.");
    }
}
