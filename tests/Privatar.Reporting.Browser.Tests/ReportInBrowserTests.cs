using Privatar.Figures;
using Privatar.Pipeline.Stamps;
using Xunit;
using Xunit.Abstractions;

namespace Privatar.Reporting.Browser.Tests;

/// <summary>
/// The report in a real browser. The report under test is generated here from the fixture result tables (every figure
/// rendered, a stamp per data and training step, verify and the published table), or, when <c>PRIVATAR_REPORT</c> names
/// a report's <c>index.html</c> (e.g. <c>artifacts/smoke/report/index.html</c>), that one. Screenshots of the top of the
/// page and of each section go to <c>artifacts/test-results/browser/</c> (or <c>PRIVATAR_BROWSER_SHOTS</c>).
/// </summary>
public sealed class ReportInBrowserTests(ITestOutputHelper output)
{
    static string ShotsDir(string name) =>
        Path.Combine(Environment.GetEnvironmentVariable("PRIVATAR_BROWSER_SHOTS") ?? Path.Combine(Repo.Root, "artifacts", "test-results", "browser"), name);

    [Fact]
    public async Task Should_Show_Every_Section_And_Image_Without_A_Console_Error()
    {
        using var dir = new Repo.TempDir();
        var (html, ids) = Environment.GetEnvironmentVariable("PRIVATAR_REPORT") is { Length: > 0 } given
            ? (given, ReportIds(FixtureReport.Sections(dir.Path), anchors: false))
            : FixtureReport.Write(dir.Path) is var r ? (r.Html, ReportIds(r.Doc, anchors: true)) : default;
        var check = await ReportPage.Check(html, ids, ShotsDir("report"));
        output.WriteLine($"{html}: page {check.PageHeight} px tall, {check.Screenshots.Count} screenshots in {ShotsDir("report")}");
        Assert.True(check.Problems.Count == 0, string.Join("\n", check.Problems));
    }

    [Fact]
    public async Task Should_Catch_A_Broken_Image_A_Missing_Section_And_A_Dead_Contents_Link()
    {
        // Given a report with one figure's PNG deleted and the provenance section renamed
        using var dir = new Repo.TempDir();
        var (html, doc) = FixtureReport.Write(dir.Path);
        File.Delete(Path.Combine(dir.Path, "figures", "fig00_users_vs_offloaded.png"));
        File.WriteAllText(html, File.ReadAllText(html).Replace("<section id=\"provenance\">", "<section id=\"renamed\">"));
        // When the browser checks it
        var check = await ReportPage.Check(html, ReportIds(doc, anchors: true), ShotsDir("broken-report"));
        // Then each defect is named
        Assert.Contains(check.Problems, p => p.StartsWith("broken image:", StringComparison.Ordinal) && p.Contains("fig00_users_vs_offloaded.png"));
        Assert.Contains(check.Problems, p => p.StartsWith("console error:", StringComparison.Ordinal) || p.StartsWith("request failed:", StringComparison.Ordinal));
        Assert.Contains("missing section: #provenance", check.Problems);
        Assert.Contains("contents link to a missing anchor: #provenance", check.Problems);
    }

    /// <summary>The ids a reader must find: every section, and (for a report built here) every anchored heading under it.</summary>
    static List<string> ReportIds(ReportDocument doc, bool anchors) =>
        doc.Sections.SelectMany(s => anchors ? ReportOutline.Anchors(s).Select(h => h.Id!).Prepend(s.Id) : [s.Id]).ToList();
}

/// <summary>A report of the fixture result tables as the pipeline would write it: figures with their records, stamps, verify.</summary>
static class FixtureReport
{
    public static (string Html, ReportDocument Doc) Write(string root)
    {
        var (options, doc) = Build(root);
        var (html, _) = ReportWriter.Write(options);
        return (html, doc);
    }

    /// <summary>The sections every report has (those of a report of no results at all).</summary>
    public static ReportDocument Sections(string root)
    {
        var empty = Directory.CreateDirectory(Path.Combine(root, "empty", "results")).FullName;
        return ReportWriter.Build(new ReportOptions(empty, Path.Combine(root, "empty", "report"), "none"));
    }

    public static (ReportOptions Options, ReportDocument Doc) Build(string root)
    {
        var results = Path.Combine(root, "results");
        Directory.CreateDirectory(results);
        foreach (var f in Directory.GetFiles(Repo.FixtureResults, "*.csv")) File.Copy(f, Path.Combine(results, Path.GetFileName(f)), overwrite: true);
        foreach (var d in Directory.GetDirectories(Repo.FixtureResults))
        {
            var to = Directory.CreateDirectory(Path.Combine(results, Path.GetFileName(d))).FullName;
            foreach (var f in Directory.GetFiles(d, "*.png")) File.Copy(f, Path.Combine(to, Path.GetFileName(f)), overwrite: true);
        }
        var figures = Path.Combine(root, "figures");
        Directory.CreateDirectory(figures);
        var data = new FigureInputs(results);
        var runner = new FigureRunner(FigureStyle.Default);
        foreach (var figure in FigureCatalog.For(data)) runner.RenderUnit(figure, data, figures, "fixture");
        var stamps = new StampStore(Path.Combine(root, ".pipeline", "stamps"));
        stamps.Write(new Stamp("Data", "subject", "da7a", "privatar data generate", new Dictionary<string, string> { ["data.seed"] = "20180227", ["data.expressions"] = "4" },
            [], [new StampedFile("artifacts/fixture/data/subject.manifest.tsv", "fedcba9876543210fedcba9876543210", 10)], 3.5, new Dictionary<string, string> { ["cpus"] = "2" }));
        stamps.Write(new Stamp("Train", "baseline", "c0de", "privatar vae train", new Dictionary<string, string> { ["train.max_iter"] = "100" },
            [new StampedFile("artifacts/fixture/data/subject.manifest.tsv", "fedcba9876543210fedcba9876543210", 10)],
            [new StampedFile("artifacts/fixture/train/baseline/best_model.pt", "0123456789abcdef0123456789abcdef", 20)], 12.5, new Dictionary<string, string> { ["cpus"] = "2" }));
        var options = new ReportOptions(results, Path.Combine(root, "report"), "fixture")
        {
            ExpectedTable = Path.Combine(Repo.Root, "verify", "expected-smoke.csv"),
            PublishedTable = Path.Combine(Repo.Root, "verify", "expected-full.csv"),
        };
        return (options, ReportWriter.Build(options));
    }
}
