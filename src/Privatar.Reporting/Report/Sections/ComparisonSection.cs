using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>
/// The published numbers (paper, README, notebook: the claims of the paper profile's expected table) beside what this
/// run measured at the same selection of rows. Published and ours sit in separate, labelled columns; nothing is judged
/// here (the verify section judges this profile's own claims).
/// </summary>
public static class ComparisonSection
{
    public static ReportSection Build(ReportContext ctx)
    {
        var o = ctx.Options;
        if (o.PublishedTable is null)
            return new ReportSection("published", "Published vs ours", [new Paragraph("No table of published numbers was given (`--published`), so there is nothing to compare with.")]);
        var results = VerifyEngine.Run(o.PublishedTable, o.ResultsDir);
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"Each published number (as `{Path.GetFileName(o.PublishedTable)}` quotes it, with its source) is printed apart from ours: " +
                $"the **ours** column is this run (profile `{o.Profile}`), read from our tables with the same row selection. " +
                "Nothing is judged here: a profile smaller than the paper's is not expected to agree, and the verify section checks only this profile's own expected table."),
        };
        foreach (var family in ResultFamilies.All)
        {
            var rows = results.Where(r => r.Claim.Source == family.FileName).ToList();
            if (rows.Count == 0) continue;
            blocks.Add(new Heading($"{TablesSection.PaperTable[family.FileName]} — `{family.FileName}`"));
            if (Notes.TryGetValue(family.FileName, out var note)) blocks.Add(new Paragraph(note));
            blocks.Add(new Table(["published: source", "published value", $"ours ({o.Profile})", "ours: rows and column read"], rows.Select(r => (IReadOnlyList<string>)
            [
                r.Claim.PaperRef, Published(r.Claim), Ours(ctx, r),
                $"{(r.Claim.Selector.Length > 0 ? r.Claim.Selector.Replace(";", "; ") + ": " : "")}`{r.Claim.Column}`",
            ]).ToList()));
        }
        return new ReportSection("published", "Published vs ours", blocks);
    }

    /// <summary>What a reader must know before comparing a family's published numbers with ours.</summary>
    static readonly Dictionary<string, string> Notes = new()
    {
        ["synthesis.csv"] = "Accuracy only (train on synthetic, test on real; the published rows on 60k synthetic images, ours on this " +
            "profile's `[synthesis] samples`; the published rows as fractions of 1). The published FIDs use Inception features and ours the " +
            "local evaluator CNN's (local-CNN features, not Inception), so no FID is compared. A method left out of this run's " +
            "`[synthesis] methods` has no row of ours.",
    };

    static string Published(Claim c) => c.Kind switch
    {
        ClaimKind.Approx => c.Expected,
        ClaimKind.Between => c.Expected.Replace("..", " to "),
        ClaimKind.Exists => "exists",
        _ => $"{c.KindText} {c.Expected}",
    };

    /// <summary>Our value, or why this run has none (its table is absent, or no row matches the paper's selection).</summary>
    static string Ours(ReportContext ctx, ClaimResult r) =>
        r.Actual.Length > 0 ? $"**{r.Actual}**"
        : !File.Exists(Path.Combine(ctx.Options.ResultsDir, r.Claim.Source)) ? "— (table not produced)"
        : $"— ({r.Message.Replace(Path.TrimEndingDirectorySeparator(Path.GetFullPath(ctx.Options.ResultsDir)) + Path.DirectorySeparatorChar, "")})";
}
