using Privatar.Contracts;
using System.CommandLine;
using System.Diagnostics;
using Privatar.Core;
using Privatar.Models.Training;
using Privatar.Training;
using Spectre.Console;
using static Privatar.Cli.Commands.VaeCommand;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar vae train</c>: one model configuration per call (the Train step's units call it).</summary>
public static class TrainCommand
{
    public static Command Build()
    {
        var baseline = new Option<string?>("--baseline") { Description = "the trained baseline's best checkpoint (every variant but baseline starts from it)" };
        var pretrained = new Option<string?>("--pretrained") { Description = "the original's pretrained checkpoint (PyTorch state dict, .pth): every variant starts from it instead of --baseline" };
        var maxIter = Opt("--max-iter", "training iterations", 100000);
        var valEvery = Opt("--val-every", "validate every this many iterations", 5000);
        var valNum = Opt("--val-num", "validation uses val_num + 1 test batches", 500);
        var batch = Opt("--batch-size", "training batch size", 10);
        var screen = Opt("--lambda-screen", "weight of the screen loss (0 skips rendering)", 1.0);
        var cmd = new Command("train", "Train one model configuration; writes best_model.pt, model.pt, checkpoint.json, training_curves.csv")
            { DataRoot, Out, Variant, Bits, Ratio, N, baseline, pretrained, maxIter, valEvery, valNum, batch, screen, FidelityOpt, Seed, Threads, Device };
        cmd.SetAction(p =>
        {
            Apply(p);
            var spec = ModelConfig.Parse(p.GetValue(Variant)!, p.GetValue(Bits), p.GetValue(Ratio), p.GetValue(N));
            var s = new TrainSettings
            {
                MaxIter = p.GetValue(maxIter), ValEvery = p.GetValue(valEvery), ValNum = p.GetValue(valNum), BatchSize = p.GetValue(batch),
                Weights = new LossWeights(Screen: p.GetValue(screen)), Fidelity = ParseFidelity(p.GetValue(FidelityOpt)!), Seed = p.GetValue(Seed),
                Pretrained = p.GetValue(pretrained),
            }.Validate();
            using var data = AvatarData.Open(p.GetValue(DataRoot)!);
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
