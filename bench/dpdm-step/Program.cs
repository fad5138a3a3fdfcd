using System.Diagnostics;
using Privatar.Core;
using Privatar.DpSgd.Engine;
using Privatar.DpSgd.Runs;
using Privatar.Dpdm.Diffusion;
using Privatar.Dpdm.Network;
using Privatar.Dpdm.Training;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

// bench/dpdm-step/run.sh [--threads 1] [--batches 16,64] [--ks 1,4] [--nf 16] [--reps 6] [--out bench/results/dpdm-step.json]
NativeProcess.Prepare();   // before any tensor: passive OpenMP waits, freed memory kept in the process
var opts = Args.Parse(args);
new TorchSettings("cpu", opts.Threads).Apply();
var load = new List<double> { LoadAverage() };
var config = new UNetConfig(28, 1, opts.Nf, [1, 2, 2], 1, [7], 10);
var rows = new List<BenchRow>();
foreach (var k in opts.Ks)
    foreach (var b in opts.Batches)
    {
        // Both steps run interleaved (one of each per round), so load changes on a shared machine hit both alike.
        using var nonPrivate = new StepUnderTest(config, b, k, dp: false);
        using var dp = new StepUnderTest(config, b, k, dp: true);
        for (var i = 0; i < opts.Reps + 2; i++)
        {
            nonPrivate.Step(warmUp: i < 2);
            dp.Step(warmUp: i < 2);
        }
        var row = new BenchRow(b, k, b * k, nonPrivate.Median, dp.Median, dp.Median / nonPrivate.Median,
            dp.Times.Means.ToDictionary(m => m.Phase, m => Math.Round(m.MeanMs, 1)));
        rows.Add(row);
        Console.WriteLine(FormattableString.Invariant(
            $"batch {b,3} K {k}: non-private {row.NonPrivateMs,9:F1} ms, DP (hooks) {row.DpMs,9:F1} ms, ratio {row.DpOverNonPrivate:F2}x; DP {dp.Times.Summary()}"));
    }
load.Add(LoadAverage());
var parameters = new UNet(config, 1).parameters().Sum(p => p.numel());
RunFiles.WriteJson(opts.Out, new BenchReport(torch.get_num_threads(), opts.Reps, config.Nf, parameters, load[0], load[1],
    "median ms per step over B·K rows: non-private = mean loss, backward, Adam; DP = hooks, per-example grads averaged over K, clip, noise, Adam; dp_phases_ms: the DP step's mean ms per phase over the timed steps (Adam + EMA: Adam alone here)",
    rows));
Console.WriteLine(FormattableString.Invariant($"load average (1 min) {load[0]:F2} before, {load[1]:F2} after; wrote {opts.Out}"));
return 0;

static double LoadAverage() =>
    double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], Invariant.Culture);

/// <summary>One denoiser + optimizer + fixed batch (images, labels, σ, noises); <see cref="Step"/> times one training step.</summary>
sealed class StepUnderTest : IDisposable
{
    readonly UNet net;
    readonly Denoiser denoiser;
    readonly NoiseLevels levels = new(Parameterisation.Edm);
    readonly Tensor[] batch;
    readonly optim.Optimizer opt;
    readonly DpSgdEngine? engine;
    readonly List<double> samples = [];

    public StepUnderTest(UNetConfig config, int b, int k, bool dp)
    {
        net = new UNet(config, 1);
        denoiser = new Denoiser(net, Parameterisation.Edm);
        using var g = new Generator(3);
        batch = DenoisingLoss.Batch(rand([b, 1, 28, 28], generator: g) * 2 - 1, randint(0, 11, [b], dtype: ScalarType.Int64, generator: g),
            levels.Sample([b, k], g, ScalarType.Float32), randn([b, k, 1, 28, 28], generator: g));
        opt = optim.Adam(net.parameters(), 3e-4);
        engine = dp ? new DpSgdEngine(net, new DpSgdOptions(1.0, 1.0, b), 7, PerSampleRoute.Hooks) : null;
    }

    public double Median => samples.Order().ElementAt(samples.Count / 2);

    /// <summary>The DP step's phases over the timed steps.</summary>
    public StepTimes Times { get; } = new();

    Tensor Loss(IReadOnlyList<Tensor> t) => DenoisingLoss.PerExample(denoiser, levels, t);

    public void Step(bool warmUp) => NoGc.Run(() =>
    {
        using var scope = NewDisposeScope();
        var sw = Stopwatch.StartNew();
        DpStepStats? stats = null;
        if (engine is not null) stats = engine.ComputeGradients(batch, Loss);
        else
        {
            opt.zero_grad();
            Loss(batch).mean().backward();
        }
        var update = Stopwatch.StartNew();
        opt.step();
        sw.Stop();
        if (warmUp) return;
        samples.Add(sw.Elapsed.TotalMilliseconds);
        if (stats is not null) Times.Add(stats with { UpdateMs = update.Elapsed.TotalMilliseconds });
    });

    public void Dispose()
    {
        engine?.Dispose();
        opt.Dispose();
        foreach (var t in batch) t.Dispose();
        net.Dispose();
    }
}

sealed record BenchRow(int Batch, int K, int Rows, double NonPrivateMs, double DpMs, double DpOverNonPrivate,
    IReadOnlyDictionary<string, double> DpPhasesMs);

sealed record BenchReport(int Threads, int Reps, int Nf, long Parameters, double LoadAverageBefore, double LoadAverageAfter,
    string Measure, IReadOnlyList<BenchRow> Rows);

sealed record Args(int Threads, int[] Batches, int[] Ks, int Nf, int Reps, string Out)
{
    public static Args Parse(string[] args)
    {
        var a = new Args(1, [16, 64], [1, 4], 16, 6, "bench/results/dpdm-step.json");
        for (var i = 0; i + 1 < args.Length; i += 2)
            a = args[i] switch
            {
                "--threads" => a with { Threads = int.Parse(args[i + 1], Invariant.Culture) },
                "--batches" => a with { Batches = Ints(args[i + 1]) },
                "--ks" => a with { Ks = Ints(args[i + 1]) },
                "--nf" => a with { Nf = int.Parse(args[i + 1], Invariant.Culture) },
                "--reps" => a with { Reps = int.Parse(args[i + 1], Invariant.Culture) },
                "--out" => a with { Out = args[i + 1] },
                _ => throw new ArgumentException($"unknown option '{args[i]}' (expected --threads, --batches, --ks, --nf, --reps, --out)"),
            };
        if (args.Length % 2 != 0) throw new ArgumentException($"option '{args[^1]}' has no value");
        return a;
    }

    static int[] Ints(string s) => s.Split(',').Select(v => int.Parse(v, Invariant.Culture)).ToArray();
}
