using System.Diagnostics;
using Privatar.Core;
using Privatar.DpSgd.Engine;
using Privatar.DpSgd.Models;
using Privatar.DpSgd.Runs;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

// dotnet run --project bench/dpsgd -c Release -- [--threads 2] [--batches 16,64,256] [--reps 20] [--out bench/results/dpsgd.json]
var opts = Args.Parse(args);
new TorchSettings("cpu", opts.Threads).Apply();
var rows = new List<BenchRow>();
foreach (var model in new[] { "cnn", "vae" })
    foreach (var b in opts.Batches)
    {
        // The three steps run interleaved (one of each per round), so load changes on a shared machine hit all alike.
        using var nonPrivate = new StepUnderTest(model, b, null);
        using var hooks = new StepUnderTest(model, b, PerSampleRoute.Hooks);
        using var micro = new StepUnderTest(model, b, PerSampleRoute.MicroBatch);
        for (var i = 0; i < opts.Reps + 3; i++)
        {
            var warm = i < 3;
            nonPrivate.Step(warm);
            hooks.Step(warm);
            if (i < 3 + Math.Max(3, opts.Reps / 4)) micro.Step(warm);   // the slow route gets fewer rounds
        }
        var row = new BenchRow(model, b, nonPrivate.Median, hooks.Median, micro.Median,
            hooks.Median / nonPrivate.Median, micro.Median / nonPrivate.Median, micro.Median / hooks.Median);
        rows.Add(row);
        Console.WriteLine($"{model,-4} batch {b,4}: non-private {row.NonPrivateMs,8:F2} ms, DP hooks {row.DpHooksMs,8:F2} ms ({row.HooksOverNonPrivate:F2}x), " +
                          $"DP micro-batch {row.DpMicroBatchMs,9:F2} ms ({row.MicroOverNonPrivate:F1}x; hooks are {row.MicroOverHooks:F1}x faster)");
    }
RunFiles.WriteJson(opts.Out, new BenchReport(torch.get_num_threads(), opts.Reps, "median ms per step (forward, backward, clip/noise when DP, Adam step)", rows));
Console.WriteLine($"wrote {opts.Out}");
return 0;

/// <summary>One model + optimizer + fixed random batch; <see cref="Step"/> times one training step.</summary>
sealed class StepUnderTest : IDisposable
{
    readonly nn.Module<Tensor, Tensor> net;
    readonly Tensor[] batch;
    readonly optim.Optimizer opt;
    readonly DpSgdEngine? engine;
    readonly List<double> samples = [];

    public StepUnderTest(string model, int b, PerSampleRoute? route)
    {
        random.manual_seed(1);
        net = model == "cnn" ? new MnistCnn() : new MlpVae();
        batch = [randn(b, 1, 28, 28), randint(0, 10, [b], dtype: ScalarType.Int64), randn(b, 20), rand(b, 784)];
        opt = optim.Adam(net.parameters(), 1e-3);
        engine = route is { } r ? new DpSgdEngine(net, new DpSgdOptions(1.0, 1.0, b), 7, r) : null;
    }

    public double Median => samples.Order().ElementAt(samples.Count / 2);

    Tensor Loss(IReadOnlyList<Tensor> t) => net is MlpVae vae
        ? MlpVae.Loss(vae.Forward(t[0], t[2]), t[3])
        : nn.functional.cross_entropy(net.call(t[0]), t[1], reduction: nn.Reduction.None);

    public void Step(bool warmUp)
    {
        using var scope = NewDisposeScope();
        var sw = Stopwatch.StartNew();
        if (engine is not null) engine.ComputeGradients(batch, Loss);
        else
        {
            opt.zero_grad();
            Loss(batch).mean().backward();
        }
        opt.step();
        sw.Stop();
        if (!warmUp) samples.Add(sw.Elapsed.TotalMilliseconds);
    }

    public void Dispose()
    {
        engine?.Dispose();
        opt.Dispose();
        foreach (var t in batch) t.Dispose();
        net.Dispose();
    }
}

sealed record BenchRow(string Model, int Batch, double NonPrivateMs, double DpHooksMs, double DpMicroBatchMs,
    double HooksOverNonPrivate, double MicroOverNonPrivate, double MicroOverHooks);

sealed record BenchReport(int Threads, int Reps, string Measure, IReadOnlyList<BenchRow> Rows);

sealed record Args(int Threads, int[] Batches, int Reps, string Out)
{
    public static Args Parse(string[] args)
    {
        var a = new Args(2, [16, 64, 256], 20, "bench/results/dpsgd.json");
        for (var i = 0; i + 1 < args.Length; i += 2)
            a = args[i] switch
            {
                "--threads" => a with { Threads = int.Parse(args[i + 1], Invariant.Culture) },
                "--batches" => a with { Batches = args[i + 1].Split(',').Select(s => int.Parse(s, Invariant.Culture)).ToArray() },
                "--reps" => a with { Reps = int.Parse(args[i + 1], Invariant.Culture) },
                "--out" => a with { Out = args[i + 1] },
                _ => throw new ArgumentException($"unknown option '{args[i]}' (expected --threads, --batches, --reps, --out)"),
            };
        return a;
    }
}
