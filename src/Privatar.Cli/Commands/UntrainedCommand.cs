using Privatar.Contracts;
using System.CommandLine;
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

    public static Command Build()
    {
        var cmd = new Command("init", "Write the untrained baseline (train's starting point: same seed, same init) as best_model.pt, model.pt, checkpoint.json")
            { DataRoot, Out, FidelityOpt, Seed, Threads, Device };
        cmd.SetAction(p =>
        {
            Apply(p);
            using var data = AvatarData.Open(p.GetValue(DataRoot)!);
            var info = Untrained.Write(data, ModelConfig.Baseline, ParseFidelity(p.GetValue(FidelityOpt)!), p.GetValue(Seed), new TrainOutputs(p.GetValue(Out)!));
            AnsiConsole.WriteLine($"untrained baseline (seed {info.Seed}, texture {info.TexSize}², {info.Vertices} vertices) -> {p.GetValue(Out)}");
            return 0;
        });
        return cmd;
    }
}
