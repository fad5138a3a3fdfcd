using System.CommandLine;
using Privatar.Contracts;
using Privatar.Contracts.Verbs;
using Privatar.Models;
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
    public static Command Build() => ContractCommand.Build<VaeTrainArgs>(Run);

    static int Run(VaeTrainArgs a)
    {
        Apply(a.Device, a.Threads);
        var spec = a.Model;
        var s = new TrainSettings
        {
            MaxIter = a.MaxIter, ValEvery = a.ValEvery, ValNum = a.ValNum, BatchSize = a.BatchSize,
            Weights = new LossWeights(Screen: a.LambdaScreen), Fidelity = ModelFidelity(a.Fidelity), Seed = a.Seed,
            Pretrained = a.Pretrained,
        }.Validate();
        using var data = AvatarData.Open(a.Data);
        AnsiConsole.WriteLine($"{spec}: {data.Train.Count} train / {data.Test.Count} test samples, texture {data.Dataset.TextureWidth}², {data.Dataset.VertexCount} vertices");
        var clock = Stopwatch.StartNew();
        TrainResult result = null!;
        WithBar($"train {spec}", s.MaxIter, report => result = Trainer.Run(data, spec, s, new TrainOutputs(a.Out), a.Baseline,
            new SyncProgress<TrainProgress>(t => report(t.Iteration, $"loss {Fmt(t.Loss)}{(t.Skipped ? " (skipped)" : "")}{(t.ValLoss is { } v ? $" val {Fmt(v)}" : "")}"))));
        AnsiConsole.WriteLine($"{spec}: {result.Iterations} iterations ({result.Skipped} skipped) in {clock.Elapsed.TotalSeconds:F1} s; best val {Fmt(result.BestValLoss)} at iteration {result.BestIteration}");
        return 0;
    }

    /// <summary>The contract's fidelity as the models take it.</summary>
    internal static Fidelity ModelFidelity(TrainingFidelity f) => f == TrainingFidelity.Original ? Fidelity.Original : Fidelity.Corrected;

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
