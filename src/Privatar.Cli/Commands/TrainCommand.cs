using System.CommandLine;
using System.Diagnostics;
using Privatar.Core;
using Privatar.Evaluation.Capacity;
using Privatar.Evaluation.Latency;
using Privatar.Models;
using Privatar.Models.Training;
using Privatar.Results;
using Privatar.Torch;
using Privatar.Training;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary>
/// <c>privatar vae train|test|latency|capacity|covariance|gather</c>: pipeline steps 1-3 and 8, one model
/// configuration per call (the pipeline's units call these; each can be run by hand).
/// </summary>
public static class TrainCommand
{
    static Option<T> Opt<T>(string name, string desc, T def) => new(name) { Description = desc, DefaultValueFactory = _ => def };
    static Option<string> Req(string name, string desc) => new(name) { Description = desc, Required = true };

    static readonly Option<string> Data = Req("--data", "Multiface subject root");
    static readonly Option<string> Out = Req("--out", "output folder (created)");
    static readonly Option<string> Variant = Req("--variant", "baseline, direct_split, quantization, sparse, freq_decompose or partition");
    static readonly Option<int?> Bits = new("--bits") { Description = "quantization weight bit width" };
    static readonly Option<double?> Ratio = new("--ratio") { Description = "sparse: fraction of channels pruned" };
    static readonly Option<int?> N = new("--n") { Description = "partition: offloaded frequency components" };
    static readonly Option<long> Seed = Opt("--seed", "root seed", 1234L);
    static readonly Option<int> Threads = Opt("--threads", "libtorch threads (0 = one per core)", 0);
    static readonly Option<string> Device = Opt("--device", "cpu (the VAE verbs run on the CPU)", "cpu");
    static readonly Option<string> FidelityOpt = Opt("--fidelity", "corrected or original (quirks of the original code)", "corrected");

    public static void Register(RootCommand root)
    {
        var group = CliRunner.GetOrAddGroup(root, "vae", "Avatar VAE: train, test, latency and capacity, frequency covariance");
        group.Subcommands.Add(Train());
        group.Subcommands.Add(Test());
        group.Subcommands.Add(Latency());
        group.Subcommands.Add(Capacity());
        group.Subcommands.Add(Covariance());
        group.Subcommands.Add(Gather());
    }

    static void Apply(ParseResult p)
    {
        if (p.GetValue(Device) != "cpu") throw new ArgumentException($"--device {p.GetValue(Device)}: the vae verbs run on cpu only");
        new TorchSettings("cpu", p.GetValue(Threads)).Apply();
    }

    static Fidelity ParseFidelity(string s) => s switch
    {
        "corrected" => Fidelity.Corrected, "original" => Fidelity.Original,
        _ => throw new ArgumentException($"--fidelity: expected corrected or original, got '{s}'"),
    };

    static Command Train()
    {
        var baseline = new Option<string?>("--baseline") { Description = "the trained baseline's best checkpoint (every variant but baseline starts from it)" };
        var maxIter = Opt("--max-iter", "training iterations", 100000);
        var valEvery = Opt("--val-every", "validate every this many iterations", 5000);
        var valNum = Opt("--val-num", "validation uses val_num + 1 test batches", 500);
        var batch = Opt("--batch-size", "training batch size", 10);
        var screen = Opt("--lambda-screen", "weight of the screen loss (0 skips rendering)", 1.0);
        var cmd = new Command("train", "Train one model configuration; writes best_model.pt, model.pt, checkpoint.json, training_curves.csv")
            { Data, Out, Variant, Bits, Ratio, N, baseline, maxIter, valEvery, valNum, batch, screen, FidelityOpt, Seed, Threads, Device };
        cmd.SetAction(p =>
        {
            Apply(p);
            var spec = ModelSpec.Parse(p.GetValue(Variant)!, p.GetValue(Bits), p.GetValue(Ratio), p.GetValue(N));
            var s = new TrainSettings
            {
                MaxIter = p.GetValue(maxIter), ValEvery = p.GetValue(valEvery), ValNum = p.GetValue(valNum), BatchSize = p.GetValue(batch),
                Weights = new LossWeights(Screen: p.GetValue(screen)), Fidelity = ParseFidelity(p.GetValue(FidelityOpt)!), Seed = p.GetValue(Seed),
            }.Validate();
            using var data = AvatarData.Open(p.GetValue(Data)!);
            AnsiConsole.WriteLine($"{spec}: {data.Train.Count} train / {data.Test.Count} test samples, texture {data.Dataset.TextureWidth}², {data.Dataset.VertexCount} vertices");
            var clock = Stopwatch.StartNew();
            TrainResult result = null!;
            WithBar($"train {spec}", s.MaxIter, report => result = Trainer.Run(data, spec, s, new TrainOutputs(p.GetValue(Out)!), p.GetValue(baseline),
                new SyncProgress<TrainProgress>(t => report(t.Iteration, $"loss {Fmt(t.Loss)}{(t.Skipped ? " (skipped)" : "")}{(t.ValLoss is { } v ? $" val {Fmt(v)}" : "")}"))));
            AnsiConsole.WriteLine($"{spec}: {result.Iterations} iterations ({result.Skipped} skipped) in {clock.Elapsed.TotalSeconds:F1} s; best val {Fmt(result.BestValLoss)} at iteration {result.BestIteration}");
            return 0;
        });
        return cmd;
    }

    static Command Test()
    {
        var ckpt = Req("--checkpoint-dir", "a train unit's folder (best_model.pt + checkpoint.json)");
        var batches = Opt("--batches", "test batches (the original: val_num + 1 = 65)", 65);
        var batch = Opt("--batch-size", "test batch size", 10);
        var lpips = Opt("--lpips-weights", "folder of converted AlexNet-LPIPS .npy weights, or 'none'", "none");
        var cmd = new Command("test", "Test one trained model; writes test_metrics.csv, z.npy (+ z_offload.npy), samples.tsv")
            { Data, ckpt, Out, batches, batch, lpips, Seed, Threads, Device };
        cmd.SetAction(p =>
        {
            Apply(p);
            var dir = p.GetValue(ckpt)!;
            var info = Checkpoints.ReadInfo(Path.Combine(dir, "checkpoint.json"));
            using var data = AvatarData.Open(p.GetValue(Data)!);
            var lp = p.GetValue(lpips)!;
            var row = Tester.Run(data, Path.Combine(dir, "best_model.pt"), info,
                new TestSettings(p.GetValue(batches), p.GetValue(batch), p.GetValue(Seed), lp == "none" ? null : lp, new LossWeights()),
                new TestOutputs(p.GetValue(Out)!));
            AnsiConsole.WriteLine($"{info.Variant} {info.Config}: {row.Samples} samples, screen {Fmt(row.ScreenMse)}, tex {Fmt(row.TexMse)}, vert {Fmt(row.VertMse)}, kl {Fmt(row.Kl)}, ssim {Fmt(row.Ssim)}{(row.Lpips is { } l ? $", lpips {Fmt(l)}" : "")}");
            return 0;
        });
        return cmd;
    }

    static Command Latency()
    {
        var outCsv = Req("--out", "latency CSV to write (latency.csv schema)");
        var tex = Opt("--tex-size", "texture size of the timed model", 1024);
        var verts = Opt("--vertices", "mesh vertices of the timed model", 7306);
        var warmup = Opt("--warmup", "untimed calls", 10);
        var minIt = Opt("--min-iterations", "timed calls at least", 30);
        var maxIt = Opt("--max-iterations", "timed calls at most", 1000);
        var every = Opt("--check-every", "calls between convergence checks", 10);
        var width = Opt("--target-relative-half-width", "stop when the median's CI half-width is below this fraction", 0.01);
        var z = Opt("--confidence-z", "normal quantile of the CI", 1.96);
        var maxS = Opt("--max-seconds", "time budget of the timed phase (0 = none)", 60.0);
        var cmd = new Command("latency", "Time one configuration's decoder paths at batch 1 (wall times: a measurement, not reproducible bytes)")
            { Variant, Bits, Ratio, N, outCsv, tex, verts, warmup, minIt, maxIt, every, width, z, maxS, Seed, Threads, Device };
        cmd.SetAction(p =>
        {
            Apply(p);
            var spec = ModelSpec.Parse(p.GetValue(Variant)!, p.GetValue(Bits), p.GetValue(Ratio), p.GetValue(N));
            var options = new LatencyOptions
            {
                WarmupIterations = p.GetValue(warmup), MinIterations = p.GetValue(minIt), MaxIterations = p.GetValue(maxIt), CheckEvery = p.GetValue(every),
                TargetRelativeHalfWidth = p.GetValue(width), ConfidenceZ = p.GetValue(z), MaxSeconds = p.GetValue(maxS),
            };
            var cfg = new VaeConfig { TexSize = p.GetValue(tex), Vertices = p.GetValue(verts) };
            var rows = LatencyBench.Measure(spec, cfg, p.GetValue(Seed), options, "cpu");
            ResultCsv.WriteFile(ResultFamilies.Latency, p.GetValue(outCsv)!, rows);
            foreach (var r in rows)
                AnsiConsole.WriteLine($"{spec} {r.Path}: median {Fmt(r.MedianMs)} ms (p5 {Fmt(r.P5Ms)}, p95 {Fmt(r.P95Ms)}), {r.Iterations} iterations, {r.Threads} threads, {Fmt(r.FlopsOriginal ?? 0)} FLOPs");
            return 0;
        });
        return cmd;
    }

    static Command Capacity()
    {
        var inputs = new Argument<string[]>("latency") { Description = "per-configuration latency CSVs (from vae latency)" };
        var outLatency = Req("--out-latency", "merged latency.csv");
        var outCapacity = Req("--out-capacity", "capacity.csv");
        var tex = Opt("--tex-size", "texture size the latencies were measured at", 1024);
        var param = new Option<string[]>("--param") { Description = "a [capacity] key=value (repeat for every key)" };
        var cmd = new Command("capacity", "Merge latency CSVs and compute users supported per configuration and headset") { inputs, outLatency, outCapacity, tex, param };
        cmd.SetAction(p =>
        {
            var section = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var kv in p.GetValue(param) ?? [])
            {
                var eq = kv.IndexOf('=');
                if (eq <= 0) throw new ArgumentException($"--param '{kv}': expected key=value");
                section[kv[..eq]] = kv[(eq + 1)..];
            }
            var parameters = CapacityParameters.FromSection(section);
            var measured = p.GetValue(inputs)!.Select(f =>
            {
                var rows = ResultCsv.ReadFile(ResultFamilies.Latency, f);
                if (rows.Count == 0) throw new InvalidDataException($"{f}: no latency rows");
                return (SpecOf(rows[0].Variant, rows[0].Config), rows);
            }).ToList();
            ResultCsv.WriteFile(ResultFamilies.Latency, p.GetValue(outLatency)!, measured.SelectMany(m => m.rows));
            var capacity = CapacityReport.Build(measured, new VaeConfig { TexSize = p.GetValue(tex) }, parameters);
            ResultCsv.WriteFile(ResultFamilies.Capacity, p.GetValue(outCapacity)!, capacity);
            AnsiConsole.WriteLine($"{measured.Count} configurations -> {capacity.Count} capacity rows");
            return 0;
        });
        return cmd;
    }

    static Command Covariance()
    {
        var outCsv = Req("--out", "frequency_covariance.csv to write");
        var cmd = new Command("covariance", "Per-frequency covariance statistic (original and corrected) over attack frames x test cameras") { Data, outCsv, Threads, Device };
        cmd.SetAction(p =>
        {
            Apply(p);
            var ds = Privatar.Data.Dataset.MultifaceDataset.Open(p.GetValue(Data)!);
            var rows = CovarianceAnalysis.Run(ds);
            ResultCsv.WriteFile(ResultFamilies.FrequencyCovariance, p.GetValue(outCsv)!, rows);
            foreach (var r in rows.Where(r => r.Fidelity == "corrected"))
                AnsiConsole.WriteLine($"component {r.Component,2}: corrected share {Fmt(r.Share)}");
            return 0;
        });
        return cmd;
    }

    static Command Gather()
    {
        var family = Req("--family", "training_curves.csv or test_metrics.csv");
        var inputs = new Argument<string[]>("files") { Description = "per-unit CSVs of that family" };
        var outCsv = Req("--out", "merged CSV");
        var cmd = new Command("gather", "Merge per-unit result CSVs into the family file (validated, sorted)") { family, inputs, outCsv };
        cmd.SetAction(p =>
        {
            var files = p.GetValue(inputs)!;
            var o = p.GetValue(outCsv)!;
            switch (p.GetValue(family))
            {
                case "training_curves.csv": ResultCsv.WriteFile(ResultFamilies.TrainingCurves, o, files.SelectMany(f => ResultCsv.ReadFile(ResultFamilies.TrainingCurves, f))); break;
                case "test_metrics.csv": ResultCsv.WriteFile(ResultFamilies.TestMetrics, o, files.SelectMany(f => ResultCsv.ReadFile(ResultFamilies.TestMetrics, f))); break;
                default: throw new ArgumentException($"--family: expected training_curves.csv or test_metrics.csv, got '{p.GetValue(family)}'");
            }
            AnsiConsole.WriteLine($"{files.Length} files -> {o}");
            return 0;
        });
        return cmd;
    }

    /// <summary>Back from the result tables' names to a configuration (variant names differ: sparsity, frequency_decompose).</summary>
    static ModelSpec SpecOf(string variant, string config)
    {
        var v = variant switch { "sparsity" => "sparse", "frequency_decompose" => "freq_decompose", _ => variant };
        int? Int(string prefix) => config.StartsWith(prefix, StringComparison.Ordinal) ? int.Parse(config[prefix.Length..], Invariant.Culture) : null;
        double? Dbl(string prefix) => config.StartsWith(prefix, StringComparison.Ordinal) ? Invariant.ParseDouble(config[prefix.Length..]) : null;
        return ModelSpec.Parse(v, Int("bits"), Dbl("ratio"), Int("n"));
    }

    static string Fmt(double x) => x.ToString("G5", Invariant.Culture);

    /// <summary>A Spectre progress bar with the task's own text and iterations per second; plain lines when output is redirected.</summary>
    static void WithBar(string title, int total, Action<Action<int, string>> run)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            var clock = Stopwatch.StartNew();
            var step = Math.Max(1, total / 10);
            run((i, text) =>
            {
                if (i % step == 0 || i == total)
                    AnsiConsole.WriteLine($"  {title} {i}/{total} {text} ({(i / Math.Max(1e-9, clock.Elapsed.TotalSeconds)).ToString("F2", Invariant.Culture)} it/s)");
            });
            return;
        }
        AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RateColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(title, maxValue: total);
                run((i, text) => { task.Value = i; task.Description = $"{title} {Markup.Escape(text)}"; });
            });
    }

    /// <summary>Iterations per second of a Spectre task.</summary>
    sealed class RateColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{(task.Speed ?? 0).ToString("F2", Invariant.Culture)} it/s");
    }

    /// <summary>Reports synchronously on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
