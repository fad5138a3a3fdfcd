using System.CommandLine;
using Privatar.Core;
using Privatar.Models;
using Privatar.Torch;

namespace Privatar.Cli.Commands;

/// <summary>
/// The <c>privatar vae</c> group (the Train, Evaluate, Latency and Covariance steps) and what its verbs share. Each verb lives in its own file
/// (TrainCommand, TestCommand, LatencyCommand, CapacityCommand, CovarianceCommand, GatherCommand, ExportCommand) so that each
/// step's code stamp names only the verbs it runs.
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

    internal static Option<T> Opt<T>(string name, string desc, T def) => new(name) { Description = desc, DefaultValueFactory = _ => def };
    internal static Option<string> Req(string name, string desc) => new(name) { Description = desc, Required = true };

    internal static readonly Option<string> DataRoot = Req("--data", "Multiface subject root");
    internal static readonly Option<string> Out = Req("--out", "output folder (created)");
    internal static readonly Option<string> Variant = Req("--variant", "baseline, direct_split, quantization, sparse, freq_decompose or partition");
    internal static readonly Option<int?> Bits = new("--bits") { Description = "quantization weight bit width" };
    internal static readonly Option<double?> Ratio = new("--ratio") { Description = "sparse: fraction of channels pruned" };
    internal static readonly Option<int?> N = new("--n") { Description = "partition: offloaded frequency components" };
    internal static readonly Option<long> Seed = Opt("--seed", "root seed", 1234L);
    internal static readonly Option<int> Threads = Opt("--threads", "libtorch threads (0 = one per core)", 0);
    internal static readonly Option<string> Device = Opt("--device", "cpu (the VAE verbs run on the CPU)", "cpu");
    internal static readonly Option<string> FidelityOpt = Opt("--fidelity", "corrected or original (quirks of the original code)", "corrected");

    internal static void Apply(ParseResult p)
    {
        if (p.GetValue(Device) != "cpu") throw new ArgumentException($"--device {p.GetValue(Device)}: the vae verbs run on cpu only");
        new TorchSettings("cpu", p.GetValue(Threads)).Apply();
    }

    internal static Fidelity ParseFidelity(string s) => s switch
    {
        "corrected" => Fidelity.Corrected, "original" => Fidelity.Original,
        _ => throw new ArgumentException($"--fidelity: expected corrected or original, got '{s}'"),
    };

    internal static string Fmt(double x) => x.ToString("G5", Invariant.Culture);
}
