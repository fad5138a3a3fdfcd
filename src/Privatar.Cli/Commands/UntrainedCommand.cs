using System.CommandLine;
using Privatar.Contracts;
using Privatar.Contracts.Verbs;
using Privatar.Training;
using Spectre.Console;
using static Privatar.Cli.Commands.VaeCommand;

namespace Privatar.Cli.Commands;

/// <summary>
/// <c>privatar vae init</c>: writes the untrained baseline (the model <c>vae train</c> starts from) as a checkpoint
/// folder, so <c>vae test --checkpoint-dir</c> can score it: the reference of "trained beats untrained".
/// </summary>
public static class UntrainedCommand
{
    public static void Register(RootCommand root) =>
        CliRunner.GetOrAddGroup(root, "vae", "Avatar VAE: train, test, latency and capacity, frequency covariance").Subcommands.Add(Build());

    public static Command Build() => ContractCommand.Build<VaeInitArgs>(Run);

    static int Run(VaeInitArgs a)
    {
        Apply(a.Device, a.Threads);
        using var data = AvatarData.Open(a.Data);
        var info = Untrained.Write(data, ModelConfig.Baseline, TrainCommand.ModelFidelity(a.Fidelity), a.Seed, new TrainOutputs(a.Out));
        AnsiConsole.WriteLine($"untrained baseline (seed {info.Seed}, texture {info.TexSize}², {info.Vertices} vertices) -> {a.Out}");
        return 0;
    }
}
