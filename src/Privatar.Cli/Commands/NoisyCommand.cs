using Privatar.Contracts;
using System.CommandLine;
using System.Diagnostics;
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
/// noisy_inference.csv, and the reconstruction grid. Options and torch set-up shared with the group: <see cref="VaeCommand"/>.
/// </summary>
public static class NoisyCommand
{
    static readonly Option<string> NoiseModeOpt = NoiseOption.Create();
    static readonly Option<long> Seed = Opt("--seed", "root seed (latent sampling as the test; the noise seed derives from it and the model id)", 1234L);
    static readonly Option<string?> NoiseDir = new("--noise-dir") { Description = "one fidelity's noise folder (artifacts/<profile>/noise/<fidelity>)" };
    static readonly Option<string> FidelityOpt = Opt("--fidelity", "corrected or original: how the noise files were made", "corrected");
    static readonly Option<int> Classes = Opt("--classes", "K of the corrected PSR bound recorded with each row", 65);
    /// <summary>Test batches kept across the models of a call (functional profile: ~18 MB a batch); past it they are reloaded per model.</summary>
    const long BatchCacheBytes = 1L << 30;
    static readonly Option<double> ClipBound = Opt("--clip-bound", "corrected DP: each offloaded latent row is clipped to this L2 norm before noise", 20.0);

    public static void Register(RootCommand root)
    {
        var group = CliRunner.GetOrAddGroup(root, "vae", "Avatar VAE: train, test, latency and capacity, frequency covariance");
        group.Subcommands.Add(Test());
        group.Subcommands.Add(Gather());
        group.Subcommands.Add(Grid());
    }

    static Command Test()
    {
        var ckpt = new Option<string[]>("--checkpoint-dir") { Description = "train unit folders (best_model.pt + checkpoint.json); repeat for several models", Required = true, AllowMultipleArgumentsPerToken = true };
        var outCsv = Req("--out", "CSV to write (noisy_inference.csv schema)");
        var mechanisms = new Option<string[]>("--mechanism")
        {
            Description = "none (clean reference), dp or pac; repeat for several. pac applies to direct split and partition (the original writes no PAC noise for the baseline)",
            Required = true, AllowMultipleArgumentsPerToken = true,
        };
        var mi = new Option<double?>("--mi") { Description = "MI bound of the noise files (nats)" };
        var batches = Opt("--batches", "test batches (as vae test)", 65);
        var batch = Opt("--batch-size", "test batch size", 10);
        var lpips = Opt("--lpips-weights", "folder of converted AlexNet-LPIPS .npy weights, or 'none'", "none");
        var cmd = new Command("noisy-test", "Test trained models with noise on their offloaded latent (NoisyInference); writes noisy_inference.csv rows")
            { DataRoot, ckpt, outCsv, mechanisms, NoiseDir, FidelityOpt, mi, Classes, ClipBound, batches, batch, lpips, Seed, Threads, Device, NoiseModeOpt };
        cmd.SetAction(p =>
        {
            Apply(p);
            var fidelity = NoiseFidelityText.Parse(p.GetValue(FidelityOpt)!, "--fidelity");
            var asked = p.GetValue(mechanisms)!;
            foreach (var m in asked.Where(m => m != "none")) NoisyCases.ParseMechanism(m);
            // Every noise file is read before any model runs, so a missing file fails the unit at once.
            var models = p.GetValue(ckpt)!.Select(dir =>
            {
                var info = Checkpoints.ReadInfo(Path.Combine(dir, "checkpoint.json"));
                var spec = ModelConfig.Parse(info.Variant, info.Bits, info.Ratio, info.Offloaded);
                var available = NoisyCases.Mechanisms(spec).Select(NoisyCases.MechanismName).ToHashSet();
                var cases = asked.Where(m => m == "none" || available.Contains(m)).Select(m =>
                {
                    if (m == "none") return NoiseCase.Clean;
                    var noiseDir = p.GetValue(NoiseDir) ?? throw new ArgumentException($"--mechanism {m} needs --noise-dir");
                    var bound = p.GetValue(mi) ?? throw new ArgumentException($"--mechanism {m} needs --mi");
                    return NoisyCases.Load(noiseDir, NoisyCases.ParseMechanism(m), fidelity, spec, bound, p.GetValue(Classes), p.GetValue(ClipBound), p.GetValue(Seed), NoiseOption.Get(p, NoiseModeOpt));
                }).ToList();
                return (Dir: dir, Info: info, Spec: spec, Cases: cases);
            }).ToList();
            using var data = AvatarData.Open(p.GetValue(DataRoot)!);
            var lp = p.GetValue(lpips)!;
            var s = new TestSettings(p.GetValue(batches), p.GetValue(batch), p.GetValue(Seed), lp == "none" ? null : lp, new LossWeights());
            var clock = Stopwatch.StartNew();
            var rows = new List<NoisyInferenceRow>();
            var perModel = Math.Min(s.Batches, (data.Test.Count + s.BatchSize - 1) / s.BatchSize);
            using var testBatches = new TestBatchCache(BatchCacheBytes);
            Progress($"noisy test: {models.Count} models, {string.Join(", ", asked)}{(p.GetValue(mi) is { } b ? $", MI {Invariant.Format(b)} ({fidelity.Name()})" : "")}",
                models.Count * perModel, report =>
                {
                    for (var k = 0; k < models.Count; k++)
                    {
                        var m = models[k];
                        var done = k * perModel;
                        rows.AddRange(NoisyTester.Run(data, Path.Combine(m.Dir, "best_model.pt"), m.Info, s, m.Cases, (i, _) => report(done + i, m.Spec.Id), testBatches));
                    }
                });
            ResultCsv.WriteFile(ResultFamilies.NoisyInference, p.GetValue(outCsv)!, rows);
            var table = new Table().AddColumns("model", "mechanism", "fidelity", "MI", "PSR", "samples", "screen MSE", "tex MSE", "vert MSE", "SSIM");
            foreach (var r in rows)
                table.AddRow(Markup.Escape($"{r.Variant} {r.Config}"), r.Mechanism, r.Fidelity, r.Mi is { } q ? Fmt(q) : "", r.Psr is { } ps ? Fmt(ps) : "",
                    Invariant.Format(r.Samples), Fmt(r.ScreenMse), Fmt(r.TexMse), Fmt(r.VertMse), Fmt(r.Ssim));
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine($"{rows.Count} rows in {clock.Elapsed.TotalSeconds.ToString("F1", Invariant.Culture)} s -> {p.GetValue(outCsv)}");
            return 0;
        });
        return cmd;
    }

    static Command Gather()
    {
        var inputs = new Argument<string[]>("files") { Description = "per-unit noisy_inference CSVs" };
        var outCsv = Req("--out", "merged noisy_inference.csv");
        var cmd = new Command("noisy-gather", "Merge per-unit noisy-inference CSVs into noisy_inference.csv (validated, sorted)") { inputs, outCsv };
        cmd.SetAction(p =>
        {
            var files = p.GetValue(inputs)!;
            var rows = files.SelectMany(f => ResultCsv.ReadFile(ResultFamilies.NoisyInference, f)).ToList();
            var duplicate = rows.GroupBy(r => (r.Variant, r.Config, r.Mechanism, r.Fidelity, r.Mi)).FirstOrDefault(g => g.Count() > 1);
            if (duplicate is not null) throw new InvalidDataException($"noisy-gather: {duplicate.Count()} rows for {duplicate.Key}; each model, mechanism, fidelity and MI must come from one file");
            ResultCsv.WriteFile(ResultFamilies.NoisyInference, p.GetValue(outCsv)!, rows);
            AnsiConsole.WriteLine($"{files.Length} files, {rows.Count} rows -> {p.GetValue(outCsv)}");
            return 0;
        });
        return cmd;
    }

    static Command Grid()
    {
        var results = Req("--results", "results folder: writes reconstruction_grid.csv and reconstruction_grid/*.png there");
        var clean = new Option<string[]>("--clean") { Description = "train folders of the models shown clean, in column order (repeat)", Required = true, AllowMultipleArgumentsPerToken = true };
        var noisy = Req("--noisy", "train folder of the model shown with dp and pac noise");
        var mi = Req("--mi", "MI bound of the noise shown");
        var samples = Opt("--samples", "test samples (rows), evenly spaced over the test split", 3);
        var cmd = new Command("noisy-grid", "Texture and render comparison grid: photo, clean models, one model with DP and PAC noise")
            { DataRoot, results, clean, noisy, NoiseDir, FidelityOpt, mi, Classes, ClipBound, samples, Seed, Threads, Device, NoiseModeOpt };
        cmd.SetAction(p =>
        {
            Apply(p);
            var seed = p.GetValue(Seed);
            GridSource Column(string dir, Func<ModelConfig, NoiseCase> noise)
            {
                var info = Checkpoints.ReadInfo(Path.Combine(dir, "checkpoint.json"));
                var spec = ModelConfig.Parse(info.Variant, info.Bits, info.Ratio, info.Offloaded);
                var c = noise(spec);
                return new GridSource(NoisyCases.Label(spec, c), dir, c);
            }
            var fidelity = NoiseFidelityText.Parse(p.GetValue(FidelityOpt)!, "--fidelity");
            var bound = Invariant.ParseDouble(p.GetValue(mi)!);
            var noiseDir = p.GetValue(NoiseDir) ?? throw new ArgumentException("noisy-grid needs --noise-dir");
            var columns = p.GetValue(clean)!.Select(d => Column(d, _ => NoiseCase.Clean)).ToList();
            var noisyDir = p.GetValue(noisy)!;
            foreach (var kind in new[] { NoiseKind.Dp, NoiseKind.Pac })
                columns.Add(Column(noisyDir, spec => NoisyCases.Load(noiseDir, kind, fidelity, spec, bound, p.GetValue(Classes), p.GetValue(ClipBound), seed, NoiseOption.Get(p, NoiseModeOpt))));
            using var data = AvatarData.Open(p.GetValue(DataRoot)!);
            var rows = ReconstructionGrid.Write(data, columns, p.GetValue(samples), seed, p.GetValue(results)!);
            var table = new Table().AddColumns("row", "column", "image");
            foreach (var r in rows) table.AddRow(Markup.Escape(r.Row), Markup.Escape(r.Column), Markup.Escape(r.Image));
            AnsiConsole.Write(table);
            AnsiConsole.WriteLine($"{p.GetValue(samples)} samples x {columns.Count + 1} columns -> {Path.Combine(p.GetValue(results)!, ResultFamilies.ReconstructionGrid.FileName)}");
            return 0;
        });
        return cmd;
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
