using System.CommandLine;
using System.Diagnostics;
using Privatar.Attacks;
using Privatar.Core;
using Privatar.Noise;
using Privatar.Results;
using Privatar.Torch;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary>
/// <c>privatar attack empirical|nn|gather</c>: steps 6 and 7 on one partition model, one fidelity and one MI bound
/// (or none), writing attacks.csv rows; <c>gather</c> merges the units' slices. Logic lives in Privatar.Attacks.
/// </summary>
public static class AttackCommand
{
    static Option<T> Opt<T>(string name, string desc, T def) => new(name) { Description = desc, DefaultValueFactory = _ => def };
    static Option<string> Req(string name, string desc) => new(name) { Description = desc, Required = true };

    static readonly Option<string> Data = Req("--data", "Multiface subject root (attack frames x the 'attack' camera set)");
    static readonly Option<string> Checkpoint = Req("--checkpoint-dir", "a partition train unit's folder (best_model.pt + checkpoint.json)");
    static readonly Option<string> NoiseDir = Opt("--noise-dir", "noise/<fidelity>/ folder of the Noise step (needed unless --mi none)", "");
    static readonly Option<string> FidelityOpt = Opt("--fidelity", "corrected or original (noise file choice; nn: gradient zeroing)", "corrected");
    static readonly Option<string> Mi = Opt("--mi", "MI bound in nats of the dp and pac noise, or 'none' (no noise)", "none");
    static readonly Option<double> Clip = Opt("--dp-clip-bound", "corrected DP: z_offload rows are clipped to this L2 norm before noise", 20.0);
    static readonly Option<long> Seed = Opt("--seed", "root seed (latent samples, noise draws, attacker init)", 1234L);
    static readonly Option<int> Threads = Opt("--threads", "libtorch threads (0 = one per core)", 0);
    static readonly Option<string> Out = Req("--out", "attacks.csv slice to write");

    public static void Register(RootCommand root)
    {
        var group = CliRunner.GetOrAddGroup(root, "attack", "Steps 6-7: empirical and NN identification attacks on the offloaded latent");
        group.Subcommands.Add(Empirical());
        group.Subcommands.Add(Nn());
        group.Subcommands.Add(Gather());
    }

    static Command Empirical()
    {
        var cmd = new Command("empirical", "Match the cloud's offloaded output against per-expression BDCT references (3 reference modes)")
            { Data, Checkpoint, NoiseDir, FidelityOpt, Mi, Clip, Seed, Threads, Out };
        cmd.SetAction(p => Run(p, "empirical", (model, samples, unit) => AttackRunner.Empirical(model, samples, unit)));
        return cmd;
    }

    static Command Nn()
    {
        var hidden = Opt("--hidden", "hidden width (original 128)", 128);
        var epochs = Opt("--epochs", "training epochs (original 10)", 10);
        var lr = Opt("--lr", "SGD learning rate (original 1e-4)", 1e-4);
        var momentum = Opt("--momentum", "SGD momentum (original 0)", 0.0);
        var batch = Opt("--batch-size", "training batch size (original 1)", 1);
        var draws = Opt("--latent-draws", "encoder samples per frame per epoch (original 1)", 1);
        var cmd = new Command("nn", "Train the 256-128-128-K attacker on z_offload (clean and adaptive) and test it on noised codes")
            { Data, Checkpoint, NoiseDir, FidelityOpt, Mi, Clip, Seed, Threads, Out, hidden, epochs, lr, momentum, batch, draws };
        cmd.SetAction(p => Run(p, "nn", (model, samples, unit) => AttackRunner.Nn(model, samples, unit,
            new NnTrainSettings(p.GetValue(hidden), p.GetValue(epochs), p.GetValue(lr), p.GetValue(momentum), p.GetValue(batch), true),
            p.GetValue(draws))));
        return cmd;
    }

    static int Run(ParseResult p, string attack, Func<IOffloadModel, AttackSamples, AttackUnit, IReadOnlyList<AttackRow>> run)
    {
        new TorchSettings("cpu", p.GetValue(Threads)).Apply();
        var fidelity = NoiseFidelityText.Parse(p.GetValue(FidelityOpt)!, "--fidelity");
        var miText = p.GetValue(Mi)!;
        double? mi = miText == "none" ? null
            : double.TryParse(miText, System.Globalization.NumberStyles.Float, Invariant.Culture, out var m) && m > 0 ? m
            : throw new ArgumentException($"--mi: expected a positive number of nats or 'none', got '{miText}'");
        var noiseDir = p.GetValue(NoiseDir)!;
        if (mi is not null && noiseDir.Length == 0) throw new ArgumentException("--noise-dir: required with an MI bound (the Noise step's noise/<fidelity>/ folder)");
        var clock = Stopwatch.StartNew();
        using var samples = AttackSamples.Load(p.GetValue(Data)!);
        using var model = PartitionedOffloadModel.Restore(p.GetValue(Checkpoint)!);
        var rows = run(model, samples, new AttackUnit(fidelity, mi, noiseDir, p.GetValue(Clip), p.GetValue(Seed)));
        ResultCsv.WriteFile(ResultFamilies.Attacks, p.GetValue(Out)!, rows);
        var table = new Table().Title($"{attack} attack, partition n={model.Offloaded}, {fidelity.Name()}, MI {miText}: K = {samples.Classes} ({clock.Elapsed.TotalSeconds:F1} s)")
            .AddColumns("mode", "mechanism", "adaptive", "successes", "PSR", "95% CI", "prior");
        foreach (var r in rows)
            table.AddRow(r.ReferenceMode, r.Mechanism, r.Adaptive ? "yes" : "no", $"{r.Successes}/{r.Trials}", F(r.Psr), $"[{F(r.CiLow)}, {F(r.CiHigh)}]", F(r.Prior));
        AnsiConsole.Write(table);
        return 0;
    }

    static Command Gather()
    {
        var inputs = new Argument<string[]>("files") { Description = "attacks.csv slices of the attack units" };
        var cmd = new Command("gather", "Merge attack slices into results/attacks.csv (validated, sorted)") { inputs, Out };
        cmd.SetAction(p =>
        {
            var files = p.GetValue(inputs)!;
            var rows = files.SelectMany(f => ResultCsv.ReadFile(ResultFamilies.Attacks, f)).ToList();
            ResultCsv.WriteFile(ResultFamilies.Attacks, p.GetValue(Out)!, rows);
            AnsiConsole.WriteLine($"{files.Length} files, {rows.Count} rows -> {p.GetValue(Out)}");
            return 0;
        });
        return cmd;
    }

    static string F(double x) => x.ToString("G4", Invariant.Culture);
}
