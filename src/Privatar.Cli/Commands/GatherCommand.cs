using System.CommandLine;
using Privatar.Contracts.Verbs;
using Privatar.Results;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar vae gather</c>: merges per-unit CSVs of the Train and Evaluate steps into their family file.</summary>
public static class GatherCommand
{
    public static Command Build() => ContractCommand.Build<VaeGatherArgs>(Run);

    static int Run(VaeGatherArgs a)
    {
        switch (a.Family)
        {
            case VaeGatherFamily.TrainingCurves: Merge(ResultFamilies.TrainingCurves, a); break;
            case VaeGatherFamily.TestMetrics: Merge(ResultFamilies.TestMetrics, a); break;
            default: throw new ArgumentException($"--family: unknown family {a.Family}");
        }
        AnsiConsole.WriteLine($"{a.Slices.Count} files -> {a.Out}");
        return 0;
    }

    static void Merge<T>(ResultFamily<T> family, VaeGatherArgs a) where T : IValidatedRow => ResultCsv.WriteFile(family, a.Out, a.Slices.SelectMany(f => ResultCsv.ReadFile(family, f)));
}
