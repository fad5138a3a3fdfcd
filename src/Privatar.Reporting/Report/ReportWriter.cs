using Privatar.Core;

namespace Privatar.Reporting;

/// <summary>Builds the report and writes <c>index.html</c> and <c>report.md</c> (atomically) into the output folder.</summary>
public static class ReportWriter
{
    public static ReportDocument Build(ReportOptions o)
    {
        if (!Directory.Exists(o.ResultsDir)) throw new DirectoryNotFoundException($"results folder {o.ResultsDir} does not exist");
        var verify = o.VerifyCsv is not null ? VerifyTable.Read(o.VerifyCsv)
            : o.ExpectedTable is not null ? VerifyEngine.Run(o.ExpectedTable, o.ResultsDir) : null;
        var ctx = new ReportContext(o, verify);
        return new ReportDocument($"Privatar reproduction report — profile {o.Profile}",
        [
            SummarySection.Build(ctx),
            VerifySection.Build(ctx),
            ComparisonSection.Build(ctx),
            FiguresSection.Build(ctx),
            FidelitySection.Build(ctx),
            TablesSection.Build(ctx),
            ProvenanceSection.Build(ctx),
            DifferencesSection.Build(ctx),
        ]);
    }

    public static (string Html, string Markdown) Write(ReportOptions o)
    {
        var doc = Build(o);
        var html = Path.Combine(o.OutDir, "index.html");
        var md = Path.Combine(o.OutDir, "report.md");
        AtomicFile.WriteAllText(html, HtmlRenderer.Render(doc));
        AtomicFile.WriteAllText(md, MarkdownRenderer.Render(doc));
        return (html, md);
    }
}

/// <summary>What every section may look at: the options, the verify results, and paths relative to the report.</summary>
public sealed class ReportContext(ReportOptions options, IReadOnlyList<ClaimResult>? verify)
{
    public ReportOptions Options { get; } = options;
    public IReadOnlyList<ClaimResult>? Verify { get; } = verify;
    public Figures.FigureInputs Data { get; } = new(options.ResultsDir);

    /// <summary>The stamps of the plan's units (every stamp found when the options name no units), read once.</summary>
    public IReadOnlyList<StampEntry> Stamps => _stamps ??= StampReader.ReadAll(Options.Stamps)
        .Where(e => Options.Units is not { } units || units.Contains(Path.ChangeExtension(e.File, null), StringComparer.Ordinal)).ToList();
    IReadOnlyList<StampEntry>? _stamps;

    /// <summary>A path as the report links it: relative to the report folder, with forward slashes.</summary>
    public string Link(string path) => Path.GetRelativePath(Path.GetFullPath(Options.OutDir), Path.GetFullPath(path)).Replace('\\', '/');
}
