using Privatar.Figures;
using Privatar.Pipeline.Stamps;
using Xunit;

namespace Privatar.Reporting.Tests;

public sealed class ReportWriterTests
{
    static ReportOptions Options(FixtureCopy fx, string root) => new(fx.Results, Path.Combine(root, "report"), "fixture")
    {
        ExpectedTable = Path.Combine(Repo.Root, "verify", "expected-smoke.csv"),
        FiguresDir = Path.Combine(root, "figures"),
        StampsRoot = Path.Combine(root, ".pipeline", "stamps"),
    };

    static void WriteStamp(string root, string unit = "baseline") =>
        new StampStore(Path.Combine(root, ".pipeline", "stamps")).Write(new Stamp("Train", unit, "c0de", "privatar vae train",
            new Dictionary<string, string> { ["train.max_iter"] = "100" }, [new StampedFile("artifacts/fixture/data/subject.manifest.tsv", "fedcba9876543210fedcba9876543210", 10)],
            [new StampedFile("artifacts/fixture/train/baseline/best_model.pt", "0123456789abcdef0123456789abcdef", 20)], 12.5, new Dictionary<string, string> { ["cpus"] = "2" }));

    [Fact]
    public void Should_Count_Only_The_Stamps_Of_The_Plans_Units_In_Provenance()
    {
        // Given the stamp of a current unit and one left by a unit a config change removed
        using var fx = new FixtureCopy();
        var root = Path.GetDirectoryName(fx.Results)!;
        WriteStamp(root);
        WriteStamp(root, "partition_n99");
        // When the report is told the plan's units
        var (_, md) = ReportWriter.Write(Options(fx, root) with { Units = ["Train/baseline"] });
        var m = File.ReadAllText(md);
        // Then provenance counts one stamp and never shows the orphan
        Assert.Contains("From the 1 unit stamps", m);
        Assert.DoesNotContain("partition_n99", m);
    }

    [Fact]
    public void Should_Write_Html_And_Markdown_With_Every_Section()
    {
        // Given fixture results, one rendered figure and one stamp
        using var fx = new FixtureCopy();
        var root = Path.GetDirectoryName(fx.Results)!;
        new FigureRunner(FigureStyle.Default).Render(new Fig00UsersVsOffloaded(), new FigureInputs(fx.Results), Path.Combine(root, "figures"), "fixture");
        WriteStamp(root);
        // When the report is written
        var (html, md) = ReportWriter.Write(Options(fx, root));
        var h = File.ReadAllText(html);
        var m = File.ReadAllText(md);
        // Then both carry the same sections, the verify outcome, the figure by relative link and the stamp's fields
        foreach (var id in new[] { "summary", "verify", "published", "figures", "fidelity", "tables", "provenance", "differences" })
        {
            Assert.Contains($"<section id=\"{id}\">", h);
            Assert.Contains($"<a id=\"{id}\"></a>", m);
        }
        Assert.Contains("<strong>32 passed, 0 failed</strong>", h);
        Assert.Contains("**32 passed, 0 failed**", m);
        Assert.Contains("Privacy noise: **reproducible run: not a DP release**", m);
        Assert.DoesNotContain("not a DP release", File.ReadAllText(ReportWriter.Write(Options(fx, root) with { Noise = Privatar.Core.NoiseMode.Release }).Markdown));
        Assert.Contains("<img src=\"../figures/fig00_users_vs_offloaded.png\"", h);
        Assert.Contains("![", m);
        Assert.Contains("Train[baseline]", h);
        Assert.Contains("train.max_iter=100", h);
        Assert.Contains("train/baseline/best_model.pt <code>01234567</code>", h);
        Assert.Contains("<td>12.5</td>", h);
        Assert.Contains("**not drawn**: not rendered", m);
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
        Assert.Contains("29 passed, 3 failed", File.ReadAllText(md));
        Assert.Contains("<td class=\"fail\">FAIL</td>", File.ReadAllText(html));
        Assert.Contains("(missing: `latency.csv`)", File.ReadAllText(md));
    }

    [Fact]
    public void Should_Show_The_Verify_Step_Output_As_Written_Including_Failures_And_Unchecked_Claims()
    {
        // Given a verify.csv written by the Verify step with one seeded wrong value and one table no step produced
        using var fx = new FixtureCopy();
        var root = Path.GetDirectoryName(fx.Results)!;
        var rows = File.ReadAllLines(Path.Combine(fx.Results, "frequency_covariance.csv"));
        File.WriteAllLines(Path.Combine(fx.Results, "frequency_covariance.csv"), rows.Select(l => l.StartsWith("corrected,0,") ? string.Join(',', l.Split(',').Select((c, i) => i == 3 ? "0.01" : c)) : l));
        var produced = Directory.GetFiles(fx.Results, "*.csv").Select(Path.GetFileName).Where(f => f != "attacks.csv").ToList();
        var verify = Path.Combine(root, "report", "verify.csv");
        VerifyTable.Write(verify, VerifyEngine.Run(Path.Combine(Repo.Root, "verify", "expected-smoke.csv"), fx.Results, produced!));
        // When the report is written from it
        var (html, md) = ReportWriter.Write(Options(fx, root) with { ExpectedTable = null, VerifyCsv = verify });
        // Then it shows the failure and the unchecked claims, counted apart
        var m = File.ReadAllText(md);
        Assert.Contains("**30 passed, 1 failed**", m);
        Assert.Contains("| **FAIL** | `low_freq_most_variance` |", m);
        Assert.Contains("1 claim not checked: no step of this build produces attacks.csv", m);
        Assert.Contains("<td class=\"skip\">not checked</td>", File.ReadAllText(html));
    }
}
