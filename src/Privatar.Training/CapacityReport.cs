using Privatar.Evaluation.Capacity;
using Privatar.Models;
using Privatar.Results;
using LatencyRow = Privatar.Results.LatencyRow;
using Privatar.Contracts;

namespace Privatar.Training;

/// <summary>
/// The capacity rows of the Latency step: per configuration and headset, the users supported, from the latency rows measured
/// here (headset path, cloud path, FLOPs) and the [capacity] parameters. Non-offloading variants run their whole
/// decoder on the headset; the baseline's full decoder is the reference for relative headset throughputs.
/// </summary>
public static class CapacityReport
{
    public static IReadOnlyList<CapacityRow> Build(IReadOnlyList<(ModelConfig Spec, IReadOnlyList<LatencyRow> Rows)> measured, VaeConfig cfg, CapacityParameters p)
    {
        var baselineRow = measured.Where(m => m.Spec.Variant == VaeVariant.Baseline).SelectMany(m => m.Rows).SingleOrDefault()
            ?? throw new ArgumentException("capacity: needs the baseline's latency (add baseline to [train] variants)");
        var baseline = new MeasuredBaseline(baselineRow.MedianMs, baselineRow.FlopsOriginal ?? 0);
        var paths = new List<(ModelConfig Spec, MeasuredPath Path)>();
        foreach (var (spec, rows) in measured)
        {
            var local = rows.Single(r => r.Path is "headset" or "full");
            var cloud = rows.SingleOrDefault(r => r.Path == "cloud");
            var (down, up) = LatencyBench.LinkBytes(spec, cfg, p.BytesPerElement);
            paths.Add((spec, new MeasuredPath(spec.Id, local.MedianMs, cloud?.MedianMs ?? 0, local.FlopsOriginal ?? 0, cloud?.FlopsOriginal ?? 0, down, up)));
        }
        var results = CapacityPlanner.Evaluate(paths.Select(x => x.Path).ToArray(), baseline, p);
        var bySpec = paths.ToDictionary(x => x.Path.Configuration, x => x.Spec);
        return results.Select(r =>
        {
            var spec = bySpec[r.Result.Configuration];
            var h = p.Headsets.Single(x => x.Name == r.Headset);
            var costs = CapacityPlanner.Costs(paths.Single(x => x.Spec == spec).Path, baseline, h, p);
            var c = r.Result;
            return new CapacityRow
            {
                Variant = spec.ResultVariant, Config = spec.ResultConfig, N = spec.ResultN, Headset = r.Headset, Tee = false,
                HeadsetS = costs.HeadsetSeconds, CloudS = costs.CloudSeconds, CommS = costs.LinkSeconds,
                PeriodS = c.PeriodSeconds, Bound = c.Bound == CapacityBound.Compute ? "compute" : "communication",
                UsersComputeBound = c.HeadsetBoundUsers, UsersCommBound = double.IsFinite(c.LinkBoundUsers) ? c.LinkBoundUsers : null,
                UsersOffloaded = c.OffloadedUsers, UsersExtraLocal = c.ExtraLocalUsers, UsersTotal = c.TotalUsers,
                BaselineUsers = c.BaselineUsers, UsersVsBaseline = c.RatioToBaseline,
            };
        }).ToList();
    }
}
