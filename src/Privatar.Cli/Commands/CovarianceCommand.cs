using System.CommandLine;
using Privatar.Results;
using Privatar.Training;
using Spectre.Console;
using static Privatar.Cli.Commands.VaeCommand;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar vae covariance</c>: the Covariance step, the per-frequency covariance statistic.</summary>
public static class CovarianceCommand
{
    public static Command Build()
    {
        var outCsv = Req("--out", "frequency_covariance.csv to write");
        var cmd = new Command("covariance", "Per-frequency covariance statistic (original and corrected) over attack frames x test cameras") { DataRoot, outCsv, Threads, Device };
        cmd.SetAction(p =>
        {
            Apply(p);
            var ds = Privatar.Data.Dataset.MultifaceDataset.Open(p.GetValue(DataRoot)!);
            var rows = CovarianceAnalysis.Run(ds);
            ResultCsv.WriteFile(ResultFamilies.FrequencyCovariance, p.GetValue(outCsv)!, rows);
            foreach (var r in rows.Where(r => r.Fidelity == "corrected"))
                AnsiConsole.WriteLine($"component {r.Component,2}: corrected share {Fmt(r.Share)}");
            return 0;
        });
        return cmd;
    }
}
