namespace Privatar.Reporting;

/// <summary>
/// Where the report reads from and writes to. <see cref="FiguresDir"/> defaults to <c>&lt;results&gt;/../figures</c>,
/// <see cref="StampsRoot"/> to the results folder's parent (the profile's artifact tree), which is searched for
/// the pipeline's stamps (<c>.pipeline/stamps/&lt;Step&gt;/&lt;unit&gt;.json</c>). The verify section shows
/// <see cref="VerifyCsv"/> (the Verify step's output) if given, else runs <see cref="ExpectedTable"/>, else says verify was not run.
/// </summary>
public sealed record ReportOptions(string ResultsDir, string OutDir, string Profile)
{
    public string? ExpectedTable { get; init; }
    /// <summary>The paper profile's expected table: its numbers are the published ones the comparison tables show.</summary>
    public string? PublishedTable { get; init; }
    public string? VerifyCsv { get; init; }
    public string? FiguresDir { get; init; }
    public string? StampsRoot { get; init; }
    /// <summary>The plan's units as <c>Step/unit</c>: provenance shows only their stamps. Null: every stamp found.</summary>
    public IReadOnlyList<string>? Units { get; init; }
    /// <summary>Rows of each result table shown in the report (the whole file is linked).</summary>
    public int PreviewRows { get; init; } = 12;
    /// <summary>[runtime] noise of the build: the summary says whether its privacy numbers describe a DP release.</summary>
    public Privatar.Core.NoiseMode Noise { get; init; } = Privatar.Core.NoiseMode.Reproducible;

    public string Figures => FiguresDir ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ResultsDir))!, "figures");
    public string Stamps => StampsRoot ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ResultsDir))!, ".pipeline", "stamps");
}
