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
/// <c>privatar attack empirical|nn|run|gather</c>: the empirical and NN attacks on one partition model and one MI bound (or none), for each
/// listed fidelity, writing attacks.csv rows (<c>run</c> = both attacks, the pipeline's unit); <c>gather</c> merges the
/// units' slices. Logic lives in Privatar.Attacks.
/// </summary>
public static class AttackCommand
{
    static Option<T> Opt<T>(string name, string desc, T def) => new(name) { Description = desc, DefaultValueFactory = _ => def };
    static Option<string> Req(string name, string desc) => new(name) { Description = desc, Required = true };

    static readonly Option<string> Data = Req("--data", "Multiface subject root (attack frames x the 'attack' camera set)");
    static readonly Option<string> Checkpoint = Req("--checkpoint-dir", "a partition train unit's folder (best_model.pt + checkpoint.json)");
    static readonly Option<string> NoiseRoot = Opt("--noise-root", "the Noise step's noise/ folder, holding one <fidelity>/ folder each (needed unless --mi none)", "");
    static readonly Option<string[]> Fidelities = new("--fidelity")
    {
        Description = "corrected and/or original (noise file choice; nn: gradient zeroing); repeat or list for both",
        DefaultValueFactory = _ => ["corrected"], AllowMultipleArgumentsPerToken = true,
    };
    static readonly Option<string> Mi = Opt("--mi", "MI bound in nats of the dp and pac noise, or 'none' (no noise)", "none");
    static readonly Option<double> Clip = Opt("--dp-clip-bound", "corrected DP: z_offload rows are clipped to this L2 norm before noise", 20.0);
    static readonly Option<long> Seed = Opt("--seed", "root seed (latent samples, noise draws, attacker init)", 1234L);
    static readonly Option<int> Threads = Opt("--threads", "libtorch threads (0 = one per core)", 0);
    static readonly Option<string> Out = Req("--out", "attacks.csv slice to write");
    static readonly Option<int> Hidden = Opt("--hidden", "NN attacker hidden width (original 128)", 128);
    static readonly Option<int> Epochs = Opt("--epochs", "NN attacker training epochs under fidelity original (the launcher's 10)", 10);
    static readonly Option<double> Lr = Opt("--lr", "NN attacker SGD learning rate under fidelity original (the launcher's 1e-4)", 1e-4);
    static readonly Option<int> CorrectedEpochs = Opt("--corrected-epochs", "NN attacker training epochs under fidelity corrected", 100);
    static readonly Option<double> CorrectedLr = Opt("--corrected-lr", "NN attacker SGD learning rate under fidelity corrected (gradients zeroed each step)", 0.01);
    static readonly Option<double> Momentum = Opt("--momentum", "NN attacker SGD momentum (original 0)", 0.0);
    static readonly Option<int> Batch = Opt("--batch-size", "NN attacker training batch size (original 1)", 1);
    static readonly Option<int> Draws = Opt("--latent-draws", "encoder samples per frame per epoch for the NN attacker (original 1)", 1);

    public static void Register(RootCommand root)
    {
        var group = CliRunner.GetOrAddGroup(root, "attack", "Empirical and NN identification attacks on the offloaded latent");
        group.Subcommands.Add(Verb("empirical", "Match the cloud's offloaded output against per-expression BDCT references (3 reference modes)", true, false));
        group.Subcommands.Add(Verb("nn", "Train the 256-128-128-K attacker on z_offload (clean and adaptive) and test it on noised codes", false, true));
        group.Subcommands.Add(Verb("run", "Both attacks on one model and MI bound, for each fidelity (one pipeline unit)", true, true));
        group.Subcommands.Add(Gather());
    }

    static Command Verb(string name, string description, bool empirical, bool nn)
    {
        var cmd = new Command(name, description) { Data, Checkpoint, NoiseRoot, Fidelities, Mi, Clip, Seed, Threads, Out };
        if (nn) foreach (var o in new Option[] { Hidden, Epochs, Lr, CorrectedEpochs, CorrectedLr, Momentum, Batch, Draws }) cmd.Options.Add(o);
        cmd.SetAction(p => Run(p, name, empirical, nn));
        return cmd;
    }

    static int Run(ParseResult p, string name, bool empirical, bool nn)
    {
        new TorchSettings("cpu", p.GetValue(Threads)).Apply();
        var fidelities = p.GetValue(Fidelities)!.SelectMany(f => f.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(f => NoiseFidelityText.Parse(f, "--fidelity")).Distinct().ToList();
        var miText = p.GetValue(Mi)!;
        double? mi = miText == "none" ? null
            : double.TryParse(miText, System.Globalization.NumberStyles.Float, Invariant.Culture, out var m) && m > 0 ? m
            : throw new ArgumentException($"--mi: expected a positive number of nats or 'none', got '{miText}'");
        var noiseRoot = p.GetValue(NoiseRoot)!;
        if (mi is not null && noiseRoot.Length == 0) throw new ArgumentException("--noise-root: required with an MI bound (the Noise step's noise/ folder)");
        // The original attacker keeps the launcher's lr and epochs: its never-zeroed gradients make each step the sum of all
        // gradients so far, a far larger step than lr suggests. With gradients zeroed those values barely move the weights
        // (measured on functional: 0-1 of 65 frames), so the corrected attacker has its own, trained to convergence.
        NnTrainSettings Nn(int epochs, double lr, string key) =>
            new NnTrainSettings(p.GetValue(Hidden), epochs, lr, p.GetValue(Momentum), p.GetValue(Batch), true).Validate($"{key}_epochs", $"{key}_lr");
        var original = nn ? Nn(p.GetValue(Epochs), p.GetValue(Lr), "attack.nn") : null;
        var corrected = nn ? Nn(p.GetValue(CorrectedEpochs), p.GetValue(CorrectedLr), "attack.nn_corrected") : null;
        var clock = Stopwatch.StartNew();
        using var samples = AttackSamples.Load(p.GetValue(Data)!);
        using var model = PartitionedOffloadModel.Restore(p.GetValue(Checkpoint)!);
        var rows = new List<AttackRow>();
        foreach (var f in fidelities)
        {
            var unit = new AttackUnit(f, mi, Path.Combine(noiseRoot, f.Name()), p.GetValue(Clip), p.GetValue(Seed));
            if (empirical) rows.AddRange(AttackRunner.Empirical(model, samples, unit));
            if (nn) rows.AddRange(AttackRunner.Nn(model, samples, unit, f == NoiseFidelity.Original ? original! : corrected!, p.GetValue(Draws)));
        }
        ResultCsv.WriteFile(ResultFamilies.Attacks, p.GetValue(Out)!, rows);
        // Compact columns: redirected output (the pipeline's log) is 80 characters wide.
        var table = new Table().Title(Markup.Escape($"attack {name}, partition n={model.Offloaded}, MI {miText}: K = {samples.Classes} (prior {F(1.0 / samples.Classes)}), {clock.Elapsed.TotalSeconds:F1} s"))
            .AddColumns("attack", "fidelity", "noise", "hits", "PSR", "95% CI");
        foreach (var r in rows)
            table.AddRow(new[]
            {
                r.Attack == "nn" ? (r.Adaptive ? "nn adaptive" : "nn") : r.ReferenceMode, r.Fidelity, r.Mechanism,
                $"{r.Successes}/{r.Trials}", F(r.Psr), $"{F(r.CiLow)}-{F(r.CiHigh)}",
            }.Select(Markup.Escape).ToArray());
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

    static string F(double x) => x.ToString("G3", Invariant.Culture);
}
