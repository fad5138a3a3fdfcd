using System.CommandLine;
using System.Diagnostics;
using Privatar.Contracts;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Core;
using Privatar.Models.Training;
using Privatar.Noise;
using Privatar.Results;
using Privatar.Torch;
using Privatar.Training;
using Privatar.Training.Noisy;
using Spectre.Console;
using static Privatar.Cli.Commands.VaeCommand;

namespace Privatar.Cli.Commands;

/// <summary>
/// <c>privatar vae noisy-test|noisy-gather|noisy-grid</c>: the NoisyInference step, the test of trained models with DP or PAC noise on
/// the latent each offloads (one fidelity and one MI bound per call), the gather of those slices into
/// noisy_inference.csv, and the reconstruction grid, each bound to its contract (Privatar.Contracts.Verbs NoisyContracts).
/// </summary>
public static class NoisyCommand
{
    /// <summary>Test batches kept across the models of a call (functional profile: ~18 MB a batch); past it they are reloaded per model.</summary>
    const long BatchCacheBytes = 1L << 30;

    public static void Register(RootCommand root)
    {
        var group = CliRunner.GetOrAddGroup(root, "vae", "Avatar VAE: train, test, latency and capacity, frequency covariance");
        group.Subcommands.Add(ContractCommand.Build<NoisyTestArgs>(Test));
        group.Subcommands.Add(ContractCommand.Build<NoisyGatherArgs>(Gather));
        group.Subcommands.Add(ContractCommand.Build<NoisyGridArgs>(Grid));
    }

    /// <summary>The noise of one fidelity's files: K and the clip bound matter under corrected only (the original PSR is hard-coded, its DP unclipped).</summary>
    sealed record NoiseSettings(string NoiseDir, NoiseFidelity Fidelity, double Mi, int Classes, double ClipBound, long Seed, NoiseMode Mode)
    {
        public NoiseCase Load(NoiseKind kind, ModelConfig spec) => NoisyCases.Load(NoiseDir, kind, Fidelity, spec, Mi, Classes, ClipBound, Seed, Mode);

        public static NoiseSettings Of(Type contract, string why, string? noiseDir, NoiseFidelity? fidelity, double? mi, int? classes, double? clipBound, long seed, NoiseMode? mode)
        {
            var f = fidelity ?? throw new ArgumentException($"{why} needs --fidelity");
            var corrected = f == NoiseFidelity.Corrected;
            return new(noiseDir ?? throw new ArgumentException($"{why} needs --noise-dir"), f, mi ?? throw new ArgumentException($"{why} needs --mi"),
                corrected ? classes ?? throw Needs(nameof(NoisyTestArgs.Classes)) : 0, corrected ? clipBound ?? throw Needs(nameof(NoisyTestArgs.ClipBound)) : 0,
                seed, mode ?? throw Needs(nameof(NoisyTestArgs.Noise)));

            ArgumentException Needs(string property) =>
                ContractCodec.Required(contract, property, $"for {why}{(corrected ? " under fidelity corrected" : "")}");
        }
    }

    static int Test(NoisyTestArgs a)
    {
        Apply(a.Device, a.Threads);
        var asked = a.Mechanism;
        foreach (var m in asked.Where(m => m != "none")) NoisyCases.ParseMechanism(m);
        // Every noise file is read before any model runs, so a missing file fails the unit at once.
        var models = a.CheckpointDir.Select(dir =>
        {
            var info = Checkpoints.ReadInfo(Path.Combine(dir, "checkpoint.json"));
            var spec = ModelConfig.Parse(info.Variant, info.Bits, info.Ratio, info.Offloaded);
            var available = NoisyCases.Mechanisms(spec).Select(NoisyCases.MechanismName).ToHashSet();
            var cases = asked.Where(m => m == "none" || available.Contains(m)).Select(m => m == "none"
                ? NoiseCase.Clean
                : NoiseSettings.Of(typeof(NoisyTestArgs), $"--mechanism {m}", a.NoiseDir, a.Fidelity, a.Mi, a.Classes, a.ClipBound, a.Seed, a.Noise).Load(NoisyCases.ParseMechanism(m), spec)).ToList();
            return (Dir: dir, Info: info, Spec: spec, Cases: cases);
        }).ToList();
        using var data = AvatarData.Open(a.Data);
        var s = new TestSettings(a.Batches, a.BatchSize, a.Seed, a.LpipsWeights == "none" ? null : a.LpipsWeights, new LossWeights());
        var clock = Stopwatch.StartNew();
        var rows = new List<NoisyInferenceRow>();
        var perModel = Math.Min(s.Batches, (data.Test.Count + s.BatchSize - 1) / s.BatchSize);
        using var testBatches = new TestBatchCache(BatchCacheBytes);
        Progress($"noisy test: {models.Count} models, {string.Join(", ", asked)}{(a.Mi is { } b ? $", MI {Invariant.Format(b)}{(a.Fidelity is { } f ? $" ({f.Name()})" : "")}" : "")}",
            models.Count * perModel, report =>
            {
                for (var k = 0; k < models.Count; k++)
                {
                    var m = models[k];
                    var done = k * perModel;
                    rows.AddRange(NoisyTester.Run(data, Path.Combine(m.Dir, "best_model.pt"), m.Info, s, m.Cases, (i, _) => report(done + i, m.Spec.Id), testBatches));
                }
            });
        ResultCsv.WriteFile(ResultFamilies.NoisyInference, a.Out, rows);
        var table = new Table().AddColumns("model", "mechanism", "fidelity", "MI", "PSR", "samples", "screen MSE", "tex MSE", "vert MSE", "SSIM");
        foreach (var r in rows)
            table.AddRow(Markup.Escape($"{r.Variant} {r.Config}"), r.Mechanism, r.Fidelity, r.Mi is { } q ? Fmt(q) : "", r.Psr is { } ps ? Fmt(ps) : "",
                Invariant.Format(r.Samples), Fmt(r.ScreenMse), Fmt(r.TexMse), Fmt(r.VertMse), Fmt(r.Ssim));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"{rows.Count} rows in {clock.Elapsed.TotalSeconds.ToString("F1", Invariant.Culture)} s -> {a.Out}");
        return 0;
    }

    static int Gather(NoisyGatherArgs a)
    {
        var rows = a.Slices.SelectMany(f => ResultCsv.ReadFile(ResultFamilies.NoisyInference, f)).ToList();
        var duplicate = rows.GroupBy(r => (r.Variant, r.Config, r.Mechanism, r.Fidelity, r.Mi)).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidDataException($"noisy-gather: {duplicate.Count()} rows for {duplicate.Key}; each model, mechanism, fidelity and MI must come from one file");
        ResultCsv.WriteFile(ResultFamilies.NoisyInference, a.Out, rows);
        AnsiConsole.WriteLine($"{a.Slices.Count} files, {rows.Count} rows -> {a.Out}");
        return 0;
    }

    static int Grid(NoisyGridArgs a)
    {
        Apply(a.Device, a.Threads);
        GridSource Column(string dir, Func<ModelConfig, NoiseCase> noise)
        {
            var info = Checkpoints.ReadInfo(Path.Combine(dir, "checkpoint.json"));
            var spec = ModelConfig.Parse(info.Variant, info.Bits, info.Ratio, info.Offloaded);
            var c = noise(spec);
            return new GridSource(NoisyCases.Label(spec, c), dir, c);
        }
        var noise = NoiseSettings.Of(typeof(NoisyGridArgs), "noisy-grid", a.NoiseDir, a.Fidelity, a.Mi, a.Classes, a.ClipBound, a.Seed, a.Noise);
        var columns = a.Clean.Select(d => Column(d, _ => NoiseCase.Clean)).ToList();
        foreach (var kind in new[] { NoiseKind.Dp, NoiseKind.Pac })
            columns.Add(Column(a.Noisy, spec => noise.Load(kind, spec)));
        using var data = AvatarData.Open(a.Data);
        var rows = ReconstructionGrid.Write(data, columns, a.Samples, a.Seed, a.Results);
        var table = new Table().AddColumns("row", "column", "image");
        foreach (var r in rows) table.AddRow(Markup.Escape(r.Row), Markup.Escape(r.Column), Markup.Escape(r.Image));
        AnsiConsole.Write(table);
        AnsiConsole.WriteLine($"{a.Samples} samples x {columns.Count + 1} columns -> {Path.Combine(a.Results, ResultFamilies.ReconstructionGrid.FileName)}");
        return 0;
    }

    /// <summary>A Spectre progress bar over the test batches; plain lines when output is redirected (pipeline units).</summary>
    static void Progress(string title, int total, Action<Action<int, string>> run)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            AnsiConsole.WriteLine(title);
            run((i, what) => AnsiConsole.WriteLine($"  {what}: batch {i}/{total}"));
            return;
        }
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: total);
                run((i, what) => { task.Value = i; task.Description = Markup.Escape($"{title} [{what}]"); });
            });
    }
}
