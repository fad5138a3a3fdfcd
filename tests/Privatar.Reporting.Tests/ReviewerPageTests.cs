using System.Text.RegularExpressions;
using Privatar.Figures;
using Xunit;

namespace Privatar.Reporting.Tests;

/// <summary>
/// The report as a reviewer reads it: the outcome first, a table of contents, figures as thumbnails grouped by the part of
/// the paper they belong to, provenance folded, no tracker numbers. These use only what the report had before it was
/// restructured (options, <see cref="ReportWriter.Write"/>, the rendered text), so they ran, and failed, against it.
/// </summary>
public sealed partial class ReviewerPageTests
{
    static (string Html, string Md) Write(FixtureCopy fx, Action<string>? change = null)
    {
        var root = Path.GetDirectoryName(fx.Results)!;
        var figures = Path.Combine(root, "figures");
        var data = new FigureInputs(fx.Results);
        foreach (var f in FigureCatalog.For(data).Where(f => f is Fig00UsersVsOffloaded or Fig13PsrVsOffloaded or ExtraReconstructionGrid or ExtraTrainingCurves))
            new FigureRunner(FigureStyle.Default).RenderUnit(f, data, figures, "fixture");
        change?.Invoke(fx.Results);
        var (html, md) = ReportWriter.Write(new ReportOptions(fx.Results, Path.Combine(root, "report"), "fixture")
        {
            ExpectedTable = Path.Combine(Repo.Root, "verify", "expected-smoke.csv"),
            FiguresDir = figures,
        });
        return (File.ReadAllText(html), File.ReadAllText(md));
    }

    [Fact]
    public void Should_Open_With_The_Outcome_And_Name_Every_Failing_Claim_Before_Anything_Else()
    {
        // Given results whose latency table is missing (three claims fail)
        using var fx = new FixtureCopy();
        var (html, md) = Write(fx, results => File.Delete(Path.Combine(results, "latency.csv")));
        // Then the first section lists the failing claims by id, before the verify table
        var summary = html[html.IndexOf("id=\"summary\"", StringComparison.Ordinal)..html.IndexOf("id=\"verify\"", StringComparison.Ordinal)];
        Assert.Contains("Failing claims (3)", summary);
        foreach (var id in new[] { "exists_latency", "headset_flops_fall", "headset_latency_measured" })
            Assert.Contains($"<code>{id}</code>", summary);
        var mdSummary = md[md.IndexOf("## Summary", StringComparison.Ordinal)..md.IndexOf("## Verify", StringComparison.Ordinal)];
        Assert.Contains("`exists_latency`", mdSummary);
    }

    [Fact]
    public void Should_Have_A_Table_Of_Contents_Linking_Every_Section_And_Figure_Group_In_Both_Renderings()
    {
        using var fx = new FixtureCopy();
        var (html, md) = Write(fx);
        var targets = AnchorLinks().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Superset(new HashSet<string> { "summary", "verify", "figures", "fig-capacity", "fig-attacks", "fig-curves", "provenance" }, targets.ToHashSet());
        Assert.All(targets, id => Assert.Matches($"id=\"{Regex.Escape(id)}\"", html));
        Assert.Contains("**Contents**", md);
        Assert.All(targets, id => Assert.Contains($"(#{id})", md));
        Assert.All(targets, id => Assert.Contains($"<a id=\"{id}\"></a>", md));
    }

    [Fact]
    public void Should_Show_Figures_As_Thumbnails_That_Open_Full_Size_Grouped_By_Paper_Section()
    {
        using var fx = new FixtureCopy();
        var (html, md) = Write(fx);
        var images = ImgTags().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.NotEmpty(images);
        // every image sits in a gallery, linked to itself at full size: nothing is drawn full width inline
        foreach (var src in images)
            Assert.Contains($"<figure class=\"thumb\"><a href=\"{src}\" target=\"_blank\" title=\"open full size\"><img src=\"{src}\"", html);
        Assert.True(html.IndexOf("id=\"fig-capacity\"", StringComparison.Ordinal) < html.IndexOf("fig00_users_vs_offloaded.png", StringComparison.Ordinal));
        Assert.True(html.IndexOf("id=\"fig-attacks\"", StringComparison.Ordinal) < html.IndexOf("fig13_psr_vs_offloaded_empirical", StringComparison.Ordinal));
        Assert.Contains("[![", md);
    }

    [Fact]
    public void Should_Fold_Provenance_And_The_Result_Tables()
    {
        using var fx = new FixtureCopy();
        var (html, md) = Write(fx);
        var provenance = html[html.IndexOf("id=\"provenance\"", StringComparison.Ordinal)..];
        Assert.Contains("<details><summary>Result tables: SHA-256 of the 17 files</summary>", provenance);
        Assert.DoesNotContain("<table>", provenance[..provenance.IndexOf("<details>", StringComparison.Ordinal)]);
        Assert.Contains("<details><summary><code>attacks.csv</code>", html);
        Assert.Contains("<details><summary>Result tables: SHA-256 of the 17 files</summary>", md);
    }

    [Fact]
    public void Should_Carry_No_Tracker_Number_In_The_Page_Or_A_Figure_Caption()
    {
        using var fx = new FixtureCopy();
        var (html, md) = Write(fx);
        Assert.Empty(TrackerNumber().Matches(html).Select(m => m.Value));
        Assert.Empty(TrackerNumber().Matches(md).Select(m => m.Value));
    }

    [Fact]
    public void Should_Place_Every_Catalog_Figure_In_A_Group_Of_The_Paper()
    {
        var data = new FigureInputs(Repo.FixtureResults);
        Assert.All(FigureCatalog.For(data), f => Assert.NotEqual(FigureGroups.Other, FigureGroups.Of(f.Name)));
    }

    [Fact]
    public void Should_Print_Published_Numbers_Apart_From_Ours()
    {
        using var fx = new FixtureCopy();
        var root = Path.GetDirectoryName(fx.Results)!;
        var (_, md) = ReportWriter.Write(new ReportOptions(fx.Results, Path.Combine(root, "report"), "fixture")
        {
            PublishedTable = Path.Combine(Repo.Root, "verify", "expected-full.csv"),
        });
        var m = File.ReadAllText(md);
        Assert.Contains("| published: source | published value | ours (fixture) | ours: rows and column read |", m);
        Assert.Contains("| README latency (Baseline CPU ~15.5 ms) | 15.5 | **15.5** | variant=baseline; path=full: `median_ms` |", m);
        // a published number this run has no row for is said so, not filled in
        Assert.Contains("| README latency (Partition local path 0.24-0.32 ms) | ≤ 0.32 | — (no row matches the selector) |", m);
        Assert.DoesNotContain(Path.GetTempPath(), m);
    }

    [Fact]
    public void Should_Print_The_Published_Synthesis_Numbers_In_Their_Own_Table_Apart_From_Our_Synthesis_Table()
    {
        using var fx = new FixtureCopy();
        var root = Path.GetDirectoryName(fx.Results)!;
        var (_, md) = ReportWriter.Write(new ReportOptions(fx.Results, Path.Combine(root, "report"), "fixture")
        {
            PublishedTable = Path.Combine(Repo.Root, "verify", "expected-full.csv"),
        });
        var m = File.ReadAllText(md);
        var published = m.IndexOf("## Published vs ours", StringComparison.Ordinal);
        var synthesisHeading = m.IndexOf("— `synthesis.csv`", published, StringComparison.Ordinal);
        Assert.True(synthesisHeading > published, "the comparison has a synthesis.csv heading");
        // the published rows: as published (with their source), ours beside them in its own column, FID never compared
        Assert.Contains("| DPDM paper Table 1 (DP-MERF row; MNIST; ε = 10; CNN 82.1%) | 0.821 | **0.7056** | method=dp-merf; dataset=mnist; target_epsilon=10; classifier=cnn: `accuracy` |", m);
        Assert.Contains("| DPDM paper Table 1 (GS-WGAN row; MNIST; ε = 10; CNN 80%) | 0.8 | — (no row matches the selector) |", m);
        Assert.Contains("local-CNN features, not Inception), so no FID is compared", m);
        Assert.DoesNotContain("fid_local", m[published..m.IndexOf("\n## ", published + 1, StringComparison.Ordinal)]);
        // our table is the result table, elsewhere on the page, and holds no published row
        var ours = m.IndexOf("<code>synthesis.csv</code> — not in the Privatar paper", StringComparison.Ordinal);
        Assert.True(ours >= 0 && (ours < published || ours > m.IndexOf("\n## ", published + 1, StringComparison.Ordinal)), "our synthesis table sits outside the comparison");
        Assert.DoesNotContain("gs-wgan", File.ReadAllText(Path.Combine(fx.Results, "synthesis.csv")));
    }

    [GeneratedRegex("<a href=\"#([^\"]+)\"")] private static partial Regex AnchorLinks();
    [GeneratedRegex("<img src=\"([^\"]+)\"")] private static partial Regex ImgTags();
    [GeneratedRegex(@"\bissue\s*#?\d+|\(#\d+\)", RegexOptions.IgnoreCase)] private static partial Regex TrackerNumber();
}
