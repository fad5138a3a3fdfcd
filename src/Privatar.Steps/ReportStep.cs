using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// One unit (<c>privatar report</c>, <see cref="ReportArgs"/>) writing report/index.html and report/report.md from the result
/// CSVs, the figure records (figures/*.json: status, caption, sources; the images are linked, not read),
/// report/verify.csv and the stamps of every earlier unit (parameters, input and output hashes,
/// time per step). The stamps are declared inputs, so the report is rewritten whenever any unit reran.
/// </summary>
public static class ReportStep
{
    public static string Dir(PlanContext c) => c.Artifact("report");

    /// <summary>The published numbers the report prints beside ours: the paper profile's expected table.</summary>
    public static string Published => VerifyStep.ExpectedOf(VerifyStep.PaperProfile);

    public static StepSpec Spec => new("Report", "The reviewer report, HTML and Markdown: tables, figures, verify, fidelity, provenance")
    {
        Code = StepCode.Verbs("Report", ["Privatar.Reporting"], "ResultsCommand"),
        Params = [.. VerbCommand.Params<ReportArgs>()],
        Units = ctx =>
        {
            var results = AvatarSteps.Results(ctx, "");
            var figures = FiguresStep.Dir(ctx) + "/";
            var verify = VerifyStep.Output(ctx);
            var read = ctx.Upstream.SelectMany(u => u.Outputs)
                .Where(o => (o.StartsWith(results, StringComparison.Ordinal) && o.EndsWith(".csv", StringComparison.Ordinal)) || (o.StartsWith(figures, StringComparison.Ordinal) && o.EndsWith(".json", StringComparison.Ordinal)) || o == verify)
                .Distinct().Order(StringComparer.Ordinal).ToList();
            return [new UnitSpec("report")
            {
                Inputs = [.. read, Published, .. ctx.Upstream.Select(u => u.Stamp)],
                Outputs = [$"{Dir(ctx)}/index.html", $"{Dir(ctx)}/report.md"],
                // runtime.noise: the summary says whether the build's privacy numbers describe a DP release
                Params = [.. ContractCodec.Keys<ReportArgs>()],
                Command = VerbCommand.Command(new ReportArgs
                {
                    Results = results, Out = Dir(ctx), ResultsProfile = ctx.Profile, Figures = FiguresStep.Dir(ctx), Published = Published, Stamps = ctx.Stamps,
                    // only the current plan's units: stamps of units a config change removed stay on disk until Clean --orphans
                    Units = [.. ctx.Upstream.Select(u => $"{u.Step}/{u.Id}")],
                    Verify = ctx.IsProduced(verify) ? verify : null,
                }),
            }];
        },
    };
}
