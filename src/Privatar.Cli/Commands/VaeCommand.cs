using System.CommandLine;
using Privatar.Core;
using Privatar.Torch;

namespace Privatar.Cli.Commands;

/// <summary>
/// The <c>privatar vae</c> group (the Train, Evaluate, Latency and Covariance steps) and what its verbs share. Each verb lives in its own file
/// (TrainCommand, TestCommand, LatencyCommand, CapacityCommand, CovarianceCommand, GatherCommand, ExportCommand) so that each
/// step's code stamp names only the verbs it runs. The verbs bind their contracts (Privatar.Contracts.Verbs VaeContracts).
/// </summary>
public static class VaeCommand
{
    public static void Register(RootCommand root)
    {
        var group = CliRunner.GetOrAddGroup(root, "vae", "Avatar VAE: train, test, latency and capacity, frequency covariance");
        group.Subcommands.Add(TrainCommand.Build());
        group.Subcommands.Add(TestCommand.Build());
        group.Subcommands.Add(LatencyCommand.Build());
        group.Subcommands.Add(CapacityCommand.Build());
        group.Subcommands.Add(CovarianceCommand.Build());
        group.Subcommands.Add(GatherCommand.Build());
        group.Subcommands.Add(ExportCommand.Build());
    }

    /// <summary>The vae verbs run on the CPU, with <paramref name="threads"/> libtorch threads (0 = one per core).</summary>
    internal static void Apply(string device, int threads)
    {
        if (device != "cpu") throw new ArgumentException($"--device {device}: the vae verbs run on cpu only");
        new TorchSettings("cpu", threads).Apply();
    }

    internal static string Fmt(double x) => x.ToString("G5", Invariant.Culture);
}
