using System.CommandLine;
using System.Diagnostics;
using Privatar.Attacks;
using Privatar.Contracts;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
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
    public static void Register(RootCommand root)
    {
        var group = CliRunner.GetOrAddGroup(root, "attack", "Empirical and NN identification attacks on the offloaded latent");
        group.Subcommands.Add(ContractCommand.Build<AttackArgs>(a => Run(a, "empirical", true, false), "empirical",
            "Match the cloud's offloaded output against per-expression BDCT references (3 reference modes)"));
        group.Subcommands.Add(ContractCommand.Build<AttackArgs>(a => Run(a, "nn", false, true), "nn",
            "Train the 256-128-128-K attacker on z_offload (clean and adaptive) and test it on noised codes"));
        group.Subcommands.Add(ContractCommand.Build<AttackArgs>(a => Run(a, "run", true, true)));
        group.Subcommands.Add(ContractCommand.Build<AttackGatherArgs>(Gather));
    }

    static int Run(AttackArgs a, string name, bool empirical, bool nn)
    {
        new TorchSettings("cpu", a.Threads).Apply();
        var fidelities = a.Fidelity.Distinct().ToList();
        if (a.Mi is { } bound && !(bound > 0)) throw new ArgumentException($"--mi: expected a positive number of nats, got {Invariant.Format(bound)}");
        if (a.Mi is not null && a.NoiseRoot is null) throw new ArgumentException("--noise-root: required with an MI bound (the Noise step's noise/ folder)");
        if (a.Mi is not null && fidelities.Contains(NoiseFidelity.Corrected) && a.DpClipBound is null)
            throw ContractCodec.Required(typeof(AttackArgs), nameof(AttackArgs.DpClipBound), "for corrected DP noise");
        // The original attacker keeps the launcher's lr and epochs: its never-zeroed gradients make each step the sum of all
        // gradients so far, a far larger step than lr suggests. With gradients zeroed those values barely move the weights
        // (measured on functional: 0-1 of 65 frames), so the corrected attacker has its own, trained to convergence.
        NnTrainSettings Nn(int epochs, double lr, string key) =>
            new NnTrainSettings(a.Hidden, epochs, lr, a.Momentum, a.BatchSize, true).Validate($"{key}_epochs", $"{key}_lr");
        var original = nn ? Nn(a.Epochs, a.Lr, "attack.nn") : null;
        var corrected = nn ? Nn(a.CorrectedEpochs, a.CorrectedLr, "attack.nn_corrected") : null;
        var clock = Stopwatch.StartNew();
        // the view textures' components serve only the empirical ceiling, which the units without noise write
        using var samples = AttackSamples.Load(a.Data, withViewComponents: empirical && a.Mi is null);
        using var model = PartitionedOffloadModel.Restore(a.CheckpointDir);
        var rows = new List<AttackRow>();
        foreach (var f in fidelities)
        {
            var unit = new AttackUnit(f, a.Mi, a.NoiseRoot is null ? "" : ArtifactPaths.NoiseDirIn(a.NoiseRoot, f), a.DpClipBound ?? 0, a.Seed, a.Noise);
            if (empirical) rows.AddRange(AttackRunner.Empirical(model, samples, unit));
            if (nn) rows.AddRange(AttackRunner.Nn(model, samples, unit, f == NoiseFidelity.Original ? original! : corrected!, a.LatentDraws));
        }
        ResultCsv.WriteFile(ResultFamilies.Attacks, a.Out, rows);
        // Compact columns: redirected output (the pipeline's log) is 80 characters wide.
        var table = new Table().Title(Markup.Escape($"attack {name}, partition n={model.Offloaded}, MI {ArtifactPaths.MiText(a.Mi)}: K = {samples.Classes} (prior {F(1.0 / samples.Classes)}), {clock.Elapsed.TotalSeconds:F1} s"))
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

    static int Gather(AttackGatherArgs a)
    {
        var rows = a.Slices.SelectMany(f => ResultCsv.ReadFile(ResultFamilies.Attacks, f)).ToList();
        ResultCsv.WriteFile(ResultFamilies.Attacks, a.Out, rows);
        AnsiConsole.WriteLine($"{a.Slices.Count} files, {rows.Count} rows -> {a.Out}");
        return 0;
    }

    static string F(double x) => x.ToString("G3", Invariant.Culture);
}
