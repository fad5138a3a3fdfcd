namespace Privatar.Reporting;

/// <summary>Every claim of the expected table with what was measured.</summary>
public static class VerifySection
{
    public static ReportSection Build(ReportContext ctx)
    {
        if (ctx.Verify is null)
            return new ReportSection("verify", "Verify", [new Paragraph("Verify was not run: pass `--expected verify/expected-<profile>.csv`.")]);
        // failures first, then what passed, then what this build could not check
        var rows = ctx.Verify.OrderBy(r => r.Failed ? 0 : r.Passed ? 1 : 2).Select(r => (IReadOnlyList<string>)
        [
            r.Status, $"`{r.Claim.Id}`", r.Claim.PaperRef,
            $"`{r.Claim.Source}`{(r.Claim.Selector.Length > 0 ? $" [{r.Claim.Selector.Replace(";", "; ")}]" : "")} {r.Claim.Column} {r.Claim.KindText} {r.Claim.Expected}{(r.Claim.Tolerance.Length > 0 ? $" ± {r.Claim.Tolerance}" : "")}",
            r.Actual, r.Passed ? r.Claim.ToleranceNote : r.Message,
        ]).ToList();
        return new ReportSection("verify", "Verify",
        [
            new Paragraph($"Claims of `verify/expected-{ctx.Options.Profile}.csv` checked against the result tables: **{VerifyEngine.Summary(ctx.Verify)}**." +
                (VerifyEngine.NotCheckedNote(ctx.Verify) is { Length: > 0 } n ? $" {n}; they are listed as `not checked`." : "")),
            new Table(["", "claim", "paper reference", "check: table [rows] column, expected", "measured", "tolerance note / failure"], rows, PassColumn: 0),
        ]);
    }
}
