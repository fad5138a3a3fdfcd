using Privatar.Figures;
using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>What the reader is looking at, and the one-line outcome of verify.</summary>
public static class SummarySection
{
    public static ReportSection Build(ReportContext ctx)
    {
        var o = ctx.Options;
        var present = ResultFamilies.All.Where(f => ctx.Data.Has(f)).ToList();
        var figures = FiguresSection.List(ctx);
        var drawn = figures.Count(f => f.Drawn);
        var blocks = new List<ReportBlock>
        {
            new Paragraph($"This report is generated from the result tables of the `{o.Profile}` profile in `{ctx.Link(o.ResultsDir)}`. " +
                "Every number, table and figure below is read from those CSV files; nothing is typed in. " +
                "Each figure's caption names the files (with a content hash) it was drawn from."),
            new Bullets(
            [
                $"Result tables present: {present.Count} of {ResultFamilies.All.Count}" +
                    (present.Count < ResultFamilies.All.Count ? $" (missing: {string.Join(", ", ResultFamilies.All.Except(present).Select(f => $"`{f.FileName}`"))})" : ""),
                $"Figures drawn: {drawn} of {figures.Count} in `{ctx.Link(o.Figures)}`",
                $"Privacy noise: **{Privatar.Core.NoiseModes.Notice(o.Noise)}**" + (o.Noise == Privatar.Core.NoiseMode.Reproducible
                    ? " (every noise draw comes from the configured seed, so anyone with it regenerates the noise; `[runtime] noise = release` draws it from the OS CSPRNG)"
                    : ""),
                ctx.Verify is null ? "Verify: not run (no expected table given)"
                    : $"Verify: **{VerifyEngine.Summary(ctx.Verify)}**" + (VerifyEngine.NotCheckedNote(ctx.Verify) is { Length: > 0 } n ? $" ({n})" : ""),
            ]),
        };
        return new ReportSection("summary", "Summary", blocks);
    }
}
