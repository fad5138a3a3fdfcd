using Privatar.Contracts;
using System.CommandLine;
using Privatar.Evaluation.Latency;
using Privatar.Models;
using Privatar.Results;
using Privatar.Training;
using Spectre.Console;
using static Privatar.Cli.Commands.VaeCommand;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar vae latency</c>: the Latency step, one configuration's decoder paths per call.</summary>
public static class LatencyCommand
{
    public static Command Build()
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
            var spec = ModelConfig.Parse(p.GetValue(Variant)!, p.GetValue(Bits), p.GetValue(Ratio), p.GetValue(N));
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
}
