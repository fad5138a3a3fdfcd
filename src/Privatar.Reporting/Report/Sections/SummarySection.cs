using System.Globalization;
using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>The page's first screen: what ran, on which profile and data, and the verify outcome with every failing claim.</summary>
public static class SummarySection
{
    public static ReportSection Build(ReportContext ctx)
    {
        var o = ctx.Options;
        var present = ResultFamilies.All.Where(f => ctx.Data.Has(f)).ToList();
        var figures = FiguresSection.List(ctx);
        var notDrawn = figures.Where(f => !f.Drawn).ToList();
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"Profile **{o.Profile}**. Every number, table and figure below is read from the result tables in `{ctx.Link(o.ResultsDir)}`; " +
                "nothing is typed in. Published numbers appear only in the comparison tables, in their own columns."),
            new Bullets(
            [
                WhatRan(ctx),
                Data(ctx),
                ctx.Verify is null ? "Verify: not run (no expected table given)"
                    : $"Verify against `verify/expected-{o.Profile}.csv`: **{VerifyEngine.Summary(ctx.Verify)}**" + (VerifyEngine.NotCheckedNote(ctx.Verify) is { Length: > 0 } n ? $" ({n})" : ""),
                $"Figures drawn: {figures.Count - notDrawn.Count} of {figures.Count}" + (notDrawn.Count > 0 ? $" (not drawn: {string.Join(", ", notDrawn.Select(f => $"`{f.Name}`"))})" : ""),
                $"Result tables present: {present.Count} of {ResultFamilies.All.Count}" +
                    (present.Count < ResultFamilies.All.Count ? $" (missing: {string.Join(", ", ResultFamilies.All.Except(present).Select(f => $"`{f.FileName}`"))})" : ""),
                $"Privacy noise: **{Privatar.Core.NoiseModes.Notice(o.Noise)}**" + (o.Noise == Privatar.Core.NoiseMode.Reproducible
                    ? " (every noise draw comes from the configured seed, so anyone with it regenerates the noise; `[runtime] noise = release` draws it from the OS CSPRNG)"
                    : ""),
            ]),
        };
        var failed = ctx.Verify?.Where(r => r.Failed).ToList() ?? [];
        if (failed.Count > 0)
        {
            blocks.Add(new Heading($"Failing claims ({failed.Count})", "failing"));
            blocks.Add(new Table(["claim", "paper reference", "measured", "why it failed"],
                failed.Select(r => (IReadOnlyList<string>)[$"`{r.Claim.Id}`", r.Claim.PaperRef, r.Actual.Length > 0 ? r.Actual : "—", r.Message]).ToList()));
        }
        return new ReportSection("summary", "Summary", blocks);
    }

    static string S(double seconds) => seconds.ToString("0", CultureInfo.InvariantCulture);

    /// <summary>"What ran: 40 units in 12 steps (…), 312 s of unit time", from the stamps of the plan's units.</summary>
    static string WhatRan(ReportContext ctx)
    {
        var stamps = ctx.Stamps.Where(e => e.Stamp is not null).Select(e => e.Stamp!).ToList();
        if (stamps.Count == 0) return "What ran: no pipeline stamps found, so which steps produced these tables is not recorded (see Provenance)";
        var steps = stamps.GroupBy(s => s.Step).Select(g => $"{g.Key} {g.Count()}");
        return $"What ran: {stamps.Count} units in {stamps.Select(s => s.Step).Distinct().Count()} steps ({string.Join(", ", steps)}), " +
            $"{S(stamps.Sum(s => s.WallSeconds))} s of unit time when each last ran";
    }

    /// <summary>The data steps' parameters as their stamps recorded them (a step named <c>Data</c> or <c>…Data</c>).</summary>
    static string Data(ReportContext ctx)
    {
        var data = ctx.Stamps.Where(e => e.Stamp is { } s && s.Step.EndsWith("Data", StringComparison.Ordinal)).Select(e => e.Stamp!)
            .GroupBy(s => s.Step).Select(g => $"{g.Key} (`{g.First().Command}`): " + (g.SelectMany(s => s.Params).Select(p => $"{p.Key}={p.Value}").Distinct().Order(StringComparer.Ordinal).ToList() is { Count: > 0 } ps
                ? string.Join(", ", ps.Select(p => $"`{p}`")) : "no parameters")).ToList();
        return data.Count == 0 ? "Data: no data step stamps found, so which data these results came from is not recorded here"
            : $"Data, as the data steps' stamps recorded it: {string.Join("; ", data)}";
    }
}
