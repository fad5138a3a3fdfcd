using System.CommandLine;
using Privatar.Contracts.Verbs;
using Privatar.Results;
using Privatar.Training;
using Spectre.Console;
using static Privatar.Cli.Commands.VaeCommand;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar vae covariance</c>: the Covariance step, the per-frequency covariance statistic.</summary>
public static class CovarianceCommand
{
    public static Command Build() => ContractCommand.Build<VaeCovarianceArgs>(Run);

    static int Run(VaeCovarianceArgs a)
    {
        Apply(a.Device, a.Threads);
        var ds = Privatar.Data.Dataset.MultifaceDataset.Open(a.Data);
        var rows = CovarianceAnalysis.Run(ds);
        ResultCsv.WriteFile(ResultFamilies.FrequencyCovariance, a.Out, rows);
        foreach (var r in rows.Where(r => r.Fidelity == "corrected"))
            AnsiConsole.WriteLine($"component {r.Component,2}: corrected share {Fmt(r.Share)}");
        return 0;
    }
}
