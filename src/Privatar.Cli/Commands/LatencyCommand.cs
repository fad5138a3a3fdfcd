using System.CommandLine;
using Privatar.Contracts.Verbs;
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
    public static Command Build() => ContractCommand.Build<VaeLatencyArgs>(Run);

    static int Run(VaeLatencyArgs a)
    {
        Apply(a.Device, a.Threads);
        var spec = a.Model;
        var options = new LatencyOptions
        {
            WarmupIterations = a.Warmup, MinIterations = a.MinIterations, MaxIterations = a.MaxIterations, CheckEvery = a.CheckEvery,
            TargetRelativeHalfWidth = a.TargetRelativeHalfWidth, ConfidenceZ = a.ConfidenceZ, MaxSeconds = a.MaxSeconds,
        };
        var cfg = new VaeConfig { TexSize = a.TexSize, Vertices = a.Vertices };
        var rows = LatencyBench.Measure(spec, cfg, a.Seed, options, "cpu");
        ResultCsv.WriteFile(ResultFamilies.Latency, a.Out, rows);
        foreach (var r in rows)
            AnsiConsole.WriteLine($"{spec} {r.Path}: median {Fmt(r.MedianMs)} ms (p5 {Fmt(r.P5Ms)}, p95 {Fmt(r.P95Ms)}), {r.Iterations} iterations, {r.Threads} threads, {Fmt(r.FlopsOriginal ?? 0)} FLOPs");
        return 0;
    }
}
