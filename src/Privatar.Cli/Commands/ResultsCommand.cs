using System.CommandLine;
using Privatar.Contracts.Verbs;
using Privatar.Figures;
using Privatar.Reporting;
using Privatar.Results;
using Spectre.Console;
using Table = Spectre.Console.Table;

namespace Privatar.Cli.Commands;

/// <summary>
/// <c>privatar figures render</c>, <c>privatar verify</c>, <c>privatar report</c> and <c>privatar results check</c>:
/// everything downstream of the result CSVs (src/Privatar.Results/SCHEMAS.md), each bound to its contract
/// (Privatar.Contracts.Verbs ResultsContracts).
/// </summary>
public static class ResultsCommand
{
    public static void Register(RootCommand root)
    {
        CliRunner.GetOrAddGroup(root, "figures", "Paper figures from the result tables").Subcommands.Add(ContractCommand.Build<FiguresRenderArgs>(RenderFigures));
        root.Subcommands.Add(ContractCommand.Build<VerifyArgs>(Verify));
        root.Subcommands.Add(ContractCommand.Build<ReportArgs>(Report));
        var group = CliRunner.GetOrAddGroup(root, "results", "Result tables: check them against the schemas");
        group.Subcommands.Add(ContractCommand.Build<ResultsCheckArgs>(Check));
    }

    static int RenderFigures(FiguresRenderArgs a)
    {
        var runner = new FigureRunner(FigureStyle.From(a.Width, a.Height, a.Scale, a.Palette, a.FontSize, a.LineWidth));
        if (a.Figure is { } name)
        {
            if (!Directory.Exists(a.Results)) throw new DirectoryNotFoundException($"results folder {a.Results} does not exist");
            var o = runner.RenderUnit(FigureCatalog.Find(name), new FigureInputs(a.Results), a.Out, a.CaptionProfile);
            Console.WriteLine(o.Rendered ? $"{name}: drawn ({o.Detail})" : $"{name}: not drawn: {o.Detail}");
            return 0;
        }
        var outcomes = runner.RenderAll(a.Results, a.Out, a.CaptionProfile);
        var table = new Table().AddColumn("figure").AddColumn("status").AddColumn("original / reason");
        foreach (var o in outcomes) table.AddRow(o.Figure.Name, o.Rendered ? "[green]drawn[/]" : "[yellow]skipped[/]", Markup.Escape(o.Detail));
        AnsiConsole.Write(table);
        Console.WriteLine($"{outcomes.Count(o => o.Rendered)} drawn, {outcomes.Count(o => !o.Rendered)} skipped");
        return 0;
    }

    static int Verify(VerifyArgs a)
    {
        var outcome = VerifyEngine.Run(a.Expected, a.Results, a.Produced is { Count: > 0 } only ? [.. only] : null);
        var table = new Table().AddColumn("claim").AddColumn("expected").AddColumn("measured").AddColumn("result");
        foreach (var r in outcome)
            table.AddRow(Markup.Escape(r.Claim.Id), Markup.Escape($"{r.Claim.Column} {r.Claim.KindText} {r.Claim.Expected} {r.Claim.Tolerance}".Trim()),
                Markup.Escape(r.Actual), r.NotChecked ? $"[grey]not checked[/] {Markup.Escape(r.Message)}" : r.Passed ? "[green]pass[/]" : $"[red]FAIL[/] {Markup.Escape(r.Message)}");
        AnsiConsole.Write(table);
        if (VerifyEngine.NotCheckedNote(outcome) is { Length: > 0 } note) Console.WriteLine(note);
        if (a.Out is { } path) VerifyTable.Write(path, outcome);
        Console.WriteLine(VerifyEngine.Summary(outcome));
        return a.Out is not null || !outcome.Any(r => r.Failed) ? 0 : 1;
    }

    static int Report(ReportArgs a)
    {
        var options = new ReportOptions(a.Results, a.Out, a.ResultsProfile)
        {
            ExpectedTable = a.Expected, VerifyCsv = a.Verify, PublishedTable = a.Published, FiguresDir = a.Figures, StampsRoot = a.Stamps,
            Units = a.Units, Noise = a.Noise,
        };
        var (html, md) = ReportWriter.Write(options);
        Console.WriteLine($"wrote {html}");
        Console.WriteLine($"wrote {md}");
        return 0;
    }

    static int Check(ResultsCheckArgs a)
    {
        foreach (var family in ResultFamilies.All)
        {
            var path = Path.Combine(a.Results, family.FileName);
            Console.WriteLine(File.Exists(path) ? $"{family.FileName}: {family.Check(path)} rows, valid" : $"{family.FileName}: absent");
        }
        return 0;
    }
}
