using System.CommandLine;
using Privatar.Results;
using Spectre.Console;
using static Privatar.Cli.Commands.VaeCommand;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar vae gather</c>: merges per-unit CSVs of the Train and Evaluate steps into their family file.</summary>
public static class GatherCommand
{
    public static Command Build()
    {
        var family = Req("--family", "training_curves.csv or test_metrics.csv");
        var inputs = new Argument<string[]>("files") { Description = "per-unit CSVs of that family" };
        var outCsv = Req("--out", "merged CSV");
        var cmd = new Command("gather", "Merge per-unit result CSVs into the family file (validated, sorted)") { family, inputs, outCsv };
        cmd.SetAction(p =>
        {
            var files = p.GetValue(inputs)!;
            var o = p.GetValue(outCsv)!;
            switch (p.GetValue(family))
            {
                case "training_curves.csv": ResultCsv.WriteFile(ResultFamilies.TrainingCurves, o, files.SelectMany(f => ResultCsv.ReadFile(ResultFamilies.TrainingCurves, f))); break;
                case "test_metrics.csv": ResultCsv.WriteFile(ResultFamilies.TestMetrics, o, files.SelectMany(f => ResultCsv.ReadFile(ResultFamilies.TestMetrics, f))); break;
                default: throw new ArgumentException($"--family: expected training_curves.csv or test_metrics.csv, got '{p.GetValue(family)}'");
            }
            AnsiConsole.WriteLine($"{files.Length} files -> {o}");
            return 0;
        });
        return cmd;
    }
}
