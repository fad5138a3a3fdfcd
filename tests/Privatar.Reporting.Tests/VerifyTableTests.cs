using Privatar.Pipeline;
using Privatar.Results;
using Privatar.Steps;
using Xunit;

namespace Privatar.Reporting.Tests;

/// <summary>report/verify.csv: what the Verify step writes, the Report step reads back and the Cake gate counts.</summary>
public sealed class VerifyTableTests
{
    static string Smoke => Path.Combine(Repo.Root, "verify", "expected-smoke.csv");

    static IReadOnlyList<ClaimResult> SeededRun(FixtureCopy fx)
    {
        // one wrong value (the DC share), and attacks.csv produced by no step of the build
        var rows = ResultCsv.Read(ResultFamilies.FrequencyCovariance, fx.Results)
            .Select(r => r is { Fidelity: "corrected", Component: 0 } ? r with { Share = 0.3 } : r);
        ResultCsv.Write(ResultFamilies.FrequencyCovariance, fx.Results, rows);
        var produced = ResultFamilies.All.Select(f => f.FileName).Where(f => f != "attacks.csv").ToList();
        return VerifyEngine.Run(Smoke, fx.Results, produced);
    }

    [Fact]
    public void Should_Not_Check_Claims_On_Tables_No_Step_Produces()
    {
        using var fx = new FixtureCopy();
        var results = SeededRun(fx);
        Assert.Equal(1, results.Count(r => r.NotChecked));
        Assert.All(results.Where(r => r.NotChecked), r => Assert.Equal("attacks.csv", r.Claim.Source));
        Assert.Equal("30 passed, 1 failed", VerifyEngine.Summary(results));
        Assert.Equal("1 claim not checked: no step of this build produces attacks.csv", VerifyEngine.NotCheckedNote(results));
    }

    [Fact]
    public void Should_Read_Back_What_It_Wrote()
    {
        using var fx = new FixtureCopy();
        var results = SeededRun(fx);
        var path = Path.Combine(fx.Results, "..", "verify.csv");
        VerifyTable.Write(path, results);
        var back = VerifyTable.Read(path);
        Assert.Equal(results.Select(r => (r.Status, r.Claim.Id, r.Claim.Selector, r.Claim.Kind, r.Claim.Expected, r.Actual, r.Message)),
            back.Select(r => (r.Status, r.Claim.Id, r.Claim.Selector, r.Claim.Kind, r.Claim.Expected, r.Actual, r.Message)));
    }

    [Fact]
    public void Should_Let_The_Cake_Gate_Count_Failures_And_End_With_The_Summary_Line()
    {
        // Given the verify.csv of a run with one seeded wrong value
        using var fx = new FixtureCopy();
        var path = Path.Combine(fx.Results, "..", "verify.csv");
        VerifyTable.Write(path, SeededRun(fx));
        // When the gate of the Verify/Report Cake tasks reads it
        var log = new ListLog();
        var outcome = VerifyGate.Print(path, log);
        // Then it counts like the engine, names the failed claim, and its last line is the summary
        Assert.Equal(new VerifyGate.Outcome(30, 1, 1), outcome);
        Assert.Contains(log.Lines, l => l.StartsWith("FAIL") && l.Contains("low_freq_most_variance") && l.Contains("0.3 is not ≥ 0.5"));
        Assert.Equal("30 passed, 1 failed", log.Lines[^1]);
    }
}
