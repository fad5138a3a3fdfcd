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
        var figure = new Option<string?>("--figure") { Description = "draw only this figure (one pipeline unit): also writes <name>.json, and a 'not drawn' image when its tables hold no rows for it" };
        var d = FigureStyle.Default;
        var width = new Option<int>("--width") { Description = "image width in layout pixels", DefaultValueFactory = _ => d.Width };
        var height = new Option<int>("--height") { Description = "image height in layout pixels", DefaultValueFactory = _ => d.Height };
        var scale = new Option<double>("--scale") { Description = "PNG pixels per layout pixel (2 = 192 dpi)", DefaultValueFactory = _ => d.Scale };
        var palette = new Option<string>("--palette") { Description = "ScottPlot palette name, e.g. category10, colorblindfriendly", DefaultValueFactory = _ => d.Palette };
        var fontSize = new Option<double>("--font-size") { Description = "tick-label font size; titles and labels keep their ratio to it", DefaultValueFactory = _ => d.TickLabelSize };
        var lineWidth = new Option<double>("--line-width") { Description = "series line width", DefaultValueFactory = _ => d.LineWidth };
        var render = new Command("render", "Draw every paper figure (and the extras) from the result CSVs, or one with --figure")
        {
            results, output, profile, figure, width, height, scale, palette, fontSize, lineWidth,
        };
        render.SetAction(parse =>
        {
            var style = FigureStyle.From(parse.GetValue(width), parse.GetValue(height), parse.GetValue(scale), parse.GetValue(palette)!,
                parse.GetValue(fontSize), parse.GetValue(lineWidth));
            var runner = new FigureRunner(style);
            var dir = parse.GetValue(results)!;
            if (parse.GetValue(figure) is { } name)
            {
                if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"results folder {dir} does not exist");
                var o = runner.RenderUnit(FigureCatalog.Find(name), new FigureInputs(dir), parse.GetValue(output)!, parse.GetValue(profile)!);
                Console.WriteLine(o.Rendered ? $"{name}: drawn ({o.Detail})" : $"{name}: not drawn: {o.Detail}");
                return 0;
            }
            var outcomes = runner.RenderAll(dir, parse.GetValue(output)!, parse.GetValue(profile)!);
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
        var output = new Option<string?>("--out") { Description = "write every claim's outcome here (report/verify.csv); then failed claims exit 0: the caller decides" };
        var produced = new Option<string[]>("--produced")
        {
            Description = "result files the build produces; claims on other tables are listed as not checked (default: check all)",
            AllowMultipleArgumentsPerToken = true,
        };
        var cmd = new Command("verify", "Check the result CSVs against an expected table; exit 1 if any claim fails (unless --out)") { results, expected, output, produced };
        cmd.SetAction(parse =>
        {
            var only = parse.GetValue(produced);
            var outcome = VerifyEngine.Run(parse.GetValue(expected)!, parse.GetValue(results)!, only is { Length: > 0 } ? only : null);
            var table = new Table().AddColumn("claim").AddColumn("expected").AddColumn("measured").AddColumn("result");
            foreach (var r in outcome)
                table.AddRow(Markup.Escape(r.Claim.Id), Markup.Escape($"{r.Claim.Column} {r.Claim.KindText} {r.Claim.Expected} {r.Claim.Tolerance}".Trim()),
                    Markup.Escape(r.Actual), r.NotChecked ? $"[grey]not checked[/] {Markup.Escape(r.Message)}" : r.Passed ? "[green]pass[/]" : $"[red]FAIL[/] {Markup.Escape(r.Message)}");
            AnsiConsole.Write(table);
            if (VerifyEngine.NotCheckedNote(outcome) is { Length: > 0 } note) Console.WriteLine(note);
            if (parse.GetValue(output) is { } path) VerifyTable.Write(path, outcome);
            Console.WriteLine(VerifyEngine.Summary(outcome));
            return parse.GetValue(output) is not null || !outcome.Any(r => r.Failed) ? 0 : 1;
        });
        return cmd;
    }

    static Command Report()
    {
        var results = ResultsOption();
        var output = new Option<string>("--out") { Description = "folder for index.html and report.md", Required = true };
        var profile = new Option<string>("--profile") { Description = "profile the results belong to", DefaultValueFactory = _ => "smoke" };
        var expected = new Option<string?>("--expected") { Description = "expected table for the verify section (run here)" };
        var verify = new Option<string?>("--verify") { Description = "verify.csv written by `privatar verify --out` (shown as it is; wins over --expected)" };
        var published = new Option<string?>("--published") { Description = "the paper profile's expected table (verify/expected-full.csv): its numbers are shown as the published ones beside ours" };
        var figures = new Option<string?>("--figures") { Description = "folder of rendered figures (default: <results>/../figures)" };
        var stamps = new Option<string?>("--stamps") { Description = "the pipeline's stamps folder (default: <results>/../.pipeline/stamps)" };
        var units = new Option<string?>("--units") { Description = "the plan's units as Step/unit,Step/unit,…: provenance reads only their stamps (default: every stamp)" };
        var noise = NoiseOption.Create();
        var cmd = new Command("report", "Write the reviewer report (HTML and Markdown) from results, figures, verify and stamps")
        {
            results, output, profile, expected, verify, published, figures, stamps, units, noise,
        };
        cmd.SetAction(parse =>
        {
            var options = new ReportOptions(parse.GetValue(results)!, parse.GetValue(output)!, parse.GetValue(profile)!)
            {
                ExpectedTable = parse.GetValue(expected), VerifyCsv = parse.GetValue(verify), PublishedTable = parse.GetValue(published), FiguresDir = parse.GetValue(figures), StampsRoot = parse.GetValue(stamps),
                Units = parse.GetValue(units)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Noise = NoiseOption.Get(parse, noise),
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
