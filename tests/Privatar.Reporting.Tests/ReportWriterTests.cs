using Privatar.Figures;
using Xunit;

namespace Privatar.Reporting.Tests;

public sealed class ReportWriterTests
{
    static ReportOptions Options(FixtureCopy fx, string root) => new(fx.Results, Path.Combine(root, "report"), "fixture")
    {
        ExpectedTable = Path.Combine(Repo.Root, "verify", "expected-smoke.csv"),
        FiguresDir = Path.Combine(root, "figures"),
        StampsRoot = root,
    };

    [Fact]
    public void Should_Write_Html_And_Markdown_With_Every_Section()
    {
        // Given fixture results, one rendered figure and one stamp
        using var fx = new FixtureCopy();
        var root = Path.GetDirectoryName(fx.Results)!;
        new FigureRunner(FigureStyle.Default).Render(new Fig00UsersVsOffloaded(), new FigureInputs(fx.Results), Path.Combine(root, "figures"), "fixture");
        Directory.CreateDirectory(Path.Combine(root, "train"));
        File.WriteAllText(Path.Combine(root, "train", "Train_baseline.stamp.json"),
            """{"schema":"1","unit":"Train[baseline]","params":{"train.max_iter":100},"outs":[{"path":"best.pt","hash":"0123456789abcdef0123456789abcdef"}],"duration_s":12.5}""");
        // When the report is written
        var (html, md) = ReportWriter.Write(Options(fx, root));
        var h = File.ReadAllText(html);
        var m = File.ReadAllText(md);
        // Then both carry the same sections, the verify outcome, the figure by relative link and the stamp's fields
        foreach (var id in new[] { "summary", "verify", "figures", "fidelity", "tables", "provenance", "differences" })
        {
            Assert.Contains($"<h2 id=\"{id}\">", h);
            Assert.Contains($"<a id=\"{id}\"></a>", m);
        }
        Assert.Contains("<strong>24 passed, 0 failed</strong>", h);
        Assert.Contains("**24 passed, 0 failed**", m);
        Assert.Contains("<img src=\"../figures/fig00_users_vs_offloaded.png\"", h);
        Assert.Contains("![", m);
        Assert.Contains("Train[baseline]", h);
        Assert.Contains("train.max_iter=100", h);
        Assert.Contains("path=best.pt, hash=0123456789ab…", h);
        Assert.Contains("12.5", h);
        Assert.Contains("Not drawn: run `privatar figures render` first", m);
    }

    [Fact]
    public void Should_Be_Identical_On_A_Second_Run()
    {
        using var fx = new FixtureCopy();
        var root = Path.GetDirectoryName(fx.Results)!;
        var (html, _) = ReportWriter.Write(Options(fx, root));
        var first = File.ReadAllText(html);
        ReportWriter.Write(Options(fx, root));
        Assert.Equal(first, File.ReadAllText(html));
    }

    [Fact]
    public void Should_Report_A_Failed_Claim()
    {
        using var fx = new FixtureCopy();
        var root = Path.GetDirectoryName(fx.Results)!;
        File.Delete(Path.Combine(fx.Results, "latency.csv"));
        var (html, md) = ReportWriter.Write(Options(fx, root));
        Assert.Contains("21 passed, 3 failed", File.ReadAllText(md));
        Assert.Contains("<td class=\"fail\">FAIL</td>", File.ReadAllText(html));
        Assert.Contains("(missing: `latency.csv`)", File.ReadAllText(md));
    }
}
