using System.CommandLine;
using Privatar.Figures;
using Privatar.Reporting;
using Privatar.Results;
using Spectre.Console;
using Table = Spectre.Console.Table;

namespace Privatar.Cli.Commands;

/// <summary>
/// <c>privatar figures render</c>, <c>privatar verify</c>, <c>privatar report</c> and <c>privatar results check</c>:
/// everything downstream of the result CSVs (src/Privatar.Results/SCHEMAS.md).
/// </summary>
public static class ResultsCommand
{
    static Option<string> ResultsOption() => new("--results") { Description = "folder holding the result CSVs (artifacts/<profile>/results)", Required = true };

    public static void Register(RootCommand root)
    {
        CliRunner.GetOrAddGroup(root, "figures", "Paper figures from the result tables").Subcommands.Add(RenderFigures());
        root.Subcommands.Add(Verify());
        root.Subcommands.Add(Report());
        var group = CliRunner.GetOrAddGroup(root, "results", "Result tables: check them against the schemas");
        group.Subcommands.Add(Check());
    }

    static Command RenderFigures()
    {
        var results = ResultsOption();
        var output = new Option<string>("--out") { Description = "folder for <name>.png and <name>.svg", Required = true };
        var profile = new Option<string>("--profile") { Description = "profile named in every caption", DefaultValueFactory = _ => "smoke" };
        var width = new Option<int>("--width") { Description = "image width in pixels", DefaultValueFactory = _ => FigureStyle.Default.Width };
        var height = new Option<int>("--height") { Description = "image height in pixels", DefaultValueFactory = _ => FigureStyle.Default.Height };
        var render = new Command("render", "Draw every paper figure (and the extras) from the result CSVs") { results, output, profile, width, height };
        render.SetAction(parse =>
        {
            var style = FigureStyle.Default with { Width = parse.GetValue(width), Height = parse.GetValue(height) };
            var outcomes = new FigureRunner(style).RenderAll(parse.GetValue(results)!, parse.GetValue(output)!, parse.GetValue(profile)!);
            var table = new Table().AddColumn("figure").AddColumn("status").AddColumn("original / reason");
            foreach (var o in outcomes) table.AddRow(o.Figure.Name, o.Rendered ? "[green]drawn[/]" : "[yellow]skipped[/]", Markup.Escape(o.Detail));
            AnsiConsole.Write(table);
            Console.WriteLine($"{outcomes.Count(o => o.Rendered)} drawn, {outcomes.Count(o => !o.Rendered)} skipped");
            return 0;
        });
        return render;
    }

    static Command Verify()
    {
        var results = ResultsOption();
        var expected = new Option<string>("--expected") { Description = "expected table, e.g. verify/expected-smoke.csv", Required = true };
        var cmd = new Command("verify", "Check the result CSVs against an expected table; exit 1 if any claim fails") { results, expected };
        cmd.SetAction(parse =>
        {
            var outcome = VerifyEngine.Run(parse.GetValue(expected)!, parse.GetValue(results)!);
            var table = new Table().AddColumn("claim").AddColumn("expected").AddColumn("measured").AddColumn("result");
            foreach (var r in outcome)
                table.AddRow(Markup.Escape(r.Claim.Id), Markup.Escape($"{r.Claim.Column} {r.Claim.KindText} {r.Claim.Expected} {r.Claim.Tolerance}".Trim()),
                    Markup.Escape(r.Actual), r.Passed ? "[green]pass[/]" : $"[red]FAIL[/] {Markup.Escape(r.Message)}");
            AnsiConsole.Write(table);
            Console.WriteLine(VerifyEngine.Summary(outcome));
            return outcome.All(r => r.Passed) ? 0 : 1;
        });
        return cmd;
    }

    static Command Report()
    {
        var results = ResultsOption();
        var output = new Option<string>("--out") { Description = "folder for index.html and index.md", Required = true };
        var profile = new Option<string>("--profile") { Description = "profile the results belong to", DefaultValueFactory = _ => "smoke" };
        var expected = new Option<string?>("--expected") { Description = "expected table for the verify section" };
        var figures = new Option<string?>("--figures") { Description = "folder of rendered figures (default: <results>/../figures)" };
        var stamps = new Option<string?>("--stamps") { Description = "folder searched for *.stamp.json (default: <results>/..)" };
        var cmd = new Command("report", "Write the reviewer report (HTML and Markdown) from results, figures, verify and stamps")
        {
            results, output, profile, expected, figures, stamps,
        };
        cmd.SetAction(parse =>
        {
            var options = new ReportOptions(parse.GetValue(results)!, parse.GetValue(output)!, parse.GetValue(profile)!)
            {
                ExpectedTable = parse.GetValue(expected), FiguresDir = parse.GetValue(figures), StampsRoot = parse.GetValue(stamps),
            };
            var (html, md) = ReportWriter.Write(options);
            Console.WriteLine($"wrote {html}");
            Console.WriteLine($"wrote {md}");
            return 0;
        });
        return cmd;
    }

    static Command Check()
    {
        var results = ResultsOption();
        var cmd = new Command("check", "Read and validate every result CSV present in a folder") { results };
        cmd.SetAction(parse =>
        {
            var dir = parse.GetValue(results)!;
            foreach (var family in ResultFamilies.All)
            {
                var path = Path.Combine(dir, family.FileName);
                Console.WriteLine(File.Exists(path) ? $"{family.FileName}: {family.Check(path)} rows, valid" : $"{family.FileName}: absent");
            }
            return 0;
        });
        return cmd;
    }
}
