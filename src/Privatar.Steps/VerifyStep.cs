using Privatar.Contracts.Verbs;
using Privatar.Pipeline;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// One unit (<c>privatar verify --out</c>, <see cref="VerifyArgs"/>) checking verify/expected-&lt;profile&gt;.csv against the result
/// CSVs it references, writing report/verify.csv. The unit succeeds whenever the claims could be evaluated, failed
/// claims included, so the Report step can show them; the build fails afterwards, in the Cake tasks, through
/// <see cref="VerifyGate"/>. Claims on a table no step of this build produces are listed as not checked.
/// </summary>
public static class VerifyStep
{
    public static string Expected(PlanContext c) => ExpectedOf(c.Profile);
    public static string ExpectedOf(string profile) => $"verify/expected-{profile}.csv";

    /// <summary>The profile at the paper's configuration: its expected table holds the published numbers.</summary>
    public const string PaperProfile = "full";
    public static string Output(PlanContext c) => c.Artifact("report/verify.csv");

    public static StepSpec Spec => new("Verify", "Check the results against verify/expected-<profile>.csv, writing report/verify.csv")
    {
        Code = StepCode.Verbs("Verify", ["Privatar.Reporting"], "ResultsCommand"),
        Units = ctx =>
        {
            // Every result table the plan produces is an input (a superset of the ones the claims name: the expected
            // table is not read while planning, since the plan has no file system root; the cost is a 1 s rerun).
            var produced = ProducedResults(ctx);
            return [new UnitSpec("verify")
            {
                Inputs = [Expected(ctx), .. produced.Select(s => AvatarSteps.Results(ctx, s))],
                Outputs = [Output(ctx)],
                Params = [],
                Command = VerbCommand.Command(new VerifyArgs { Results = AvatarSteps.Results(ctx, ""), Expected = Expected(ctx), Out = Output(ctx), Produced = produced.Count > 0 ? produced : null }),
            }];
        },
    };

    /// <summary>File names of the result tables (results/&lt;name&gt;.csv) that steps registered before Verify declare.</summary>
    public static IReadOnlyList<string> ProducedResults(PlanContext ctx)
    {
        var prefix = AvatarSteps.Results(ctx, "");
        return ctx.Upstream.SelectMany(u => u.Outputs)
            .Where(o => o.StartsWith(prefix, StringComparison.Ordinal) && o.EndsWith(".csv", StringComparison.Ordinal) && !o[prefix.Length..].Contains('/'))
            .Select(o => o[prefix.Length..]).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}

/// <summary>
/// What the Verify and Report Cake tasks do after their units: print verify.csv as a table, end with the plain line
/// <c>N passed, M failed</c>, and fail the build when M &gt; 0.
/// </summary>
public static class VerifyGate
{
    public sealed record Outcome(int Passed, int Failed, int NotChecked)
    {
        public string Summary => $"{Passed} passed, {Failed} failed";
    }

    /// <summary>Reads verify.csv (first columns: status, claim_id; <c>measured</c> and <c>message</c> by name).</summary>
    /// <param name="passed">also list the claims that passed (the Verify target prints the whole table; Report only what needs a look)</param>
    public static Outcome Print(string verifyCsv, IPipelineLog log, bool passed = true)
    {
        if (!File.Exists(verifyCsv)) throw new FileNotFoundException($"{verifyCsv} does not exist; run the Verify step first", verifyCsv);
        var lines = File.ReadAllLines(verifyCsv);
        var header = Csv.Split(lines[0]);
        int Col(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidDataException($"{verifyCsv}:1: no '{name}' column");
        var (status, id, measured, message) = (Col("status"), Col("claim_id"), Col("measured"), Col("message"));
        var rows = lines.Skip(1).Where(l => l.Length > 0).Select(Csv.Split).ToList();
        var width = rows.Select(r => r[id].Length).DefaultIfEmpty(0).Max();
        foreach (var r in rows.Where(r => passed || r[status] != "pass"))
            log.Info($"{r[status],-11}  {r[id].PadRight(width)}  {r[measured]}{(r[status] == "pass" ? "" : "  " + r[message])}");
        var o = new Outcome(rows.Count(r => r[status] == "pass"), rows.Count(r => r[status] == "FAIL"), rows.Count(r => r[status] == "not checked"));
        if (o.NotChecked > 0) log.Info($"{o.NotChecked} claims not checked (no step of this build produces their table)");
        log.Info(o.Summary);
        return o;
    }
}

/// <summary>One line of a simple CSV (RFC 4180 quoting, no line breaks inside fields): enough for the tables the steps read at plan time.</summary>
public static class Csv
{
    public static List<string> Split(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
