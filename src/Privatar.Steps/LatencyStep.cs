using Privatar.Contracts;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// One unit per configuration (<c>privatar vae latency</c>) timing its decoder paths at batch 1 on a freshly
/// initialised model of [latency] tex_size (weights do not change the cost, so these units do not wait for training),
/// then one unit merging them into results/latency.csv and computing results/capacity.csv from [capacity].
/// These files hold wall-clock measurements: they differ between runs by design and are never compared byte for byte.
/// </summary>
public static class LatencyStep
{
    static readonly string[] Probe = ["warmup", "min_iterations", "max_iterations", "check_every", "target_relative_half_width", "confidence_z", "max_seconds"];
    static readonly string[] Capacity =
    [
        "frame_rate_hz", "headsets", "quest_pro_baseline_seconds", "quest_pro_flops", "quest_3_baseline_seconds", "quest_3_flops",
        "cloud_relative_throughput", "cloud_flops", "downlink_mbps", "uplink_mbps", "bytes_per_element",
    ];

    public static StepSpec Spec => new("Latency", "Time every configuration's decoder paths at batch 1 and compute users supported ([latency], [capacity])")
    {
        Code = StepCode.Vae("Latency", "LatencyCommand", "CapacityCommand"),
        // Its units time things: on a cluster each job takes a whole node, so no other job shares its cores.
        Resources = new UnitResources(Exclusive: true),
        Params =
        [
            .. AvatarSteps.ListParams, P.Int("latency.tex_size"), P.Int("latency.vertices"),
            P.Int("latency.warmup").AtLeast(0), P.Int("latency.min_iterations").AtLeast(1), P.Int("latency.max_iterations").AtLeast(1), P.Int("latency.check_every").AtLeast(1),
            P.Double("latency.target_relative_half_width"), P.Double("latency.confidence_z"), P.Double("latency.max_seconds"),
            P.Double("capacity.frame_rate_hz"), P.StringList("capacity.headsets"),
            P.Double("capacity.quest_pro_baseline_seconds"), P.Double("capacity.quest_pro_flops"),
            P.Double("capacity.quest_3_baseline_seconds"), P.Double("capacity.quest_3_flops"),
            P.Double("capacity.cloud_relative_throughput"), P.Double("capacity.cloud_flops"),
            P.Double("capacity.downlink_mbps"), P.Double("capacity.uplink_mbps"), P.Int("capacity.bytes_per_element"),
            P.Int("runtime.seed"), P.Int("runtime.threads").Unstamped(), P.String("runtime.device"),
        ],
        Units = ctx =>
        {
            var models = AvatarSteps.Models(ctx.Params);
            var csv = (string id) => ctx.Artifact($"latency/{id}.csv");
            var units = models.Select(m => new UnitSpec(m.Id)
            {
                Outputs = [csv(m.Id)],
                Params = ["latency.tex_size", "latency.vertices", .. Probe.Select(k => "latency." + k), "runtime.seed", "runtime.threads", "runtime.device"],
                Command = UnitCommand.Privatar(p => new object[] { "vae", "latency" }.Concat(AvatarSteps.VariantArgs(m)).Concat(new object[]
                {
                    "--out", csv(m.Id), "--tex-size", p.Int("latency.tex_size"), "--vertices", p.Int("latency.vertices"),
                }).Concat(Probe.SelectMany(k => new object[] { "--" + k.Replace('_', '-'), p.Text("latency." + k) })).Concat(new object[]
                {
                    "--seed", p.Long("runtime.seed"), "--threads", p.Int("runtime.threads"), "--device", p.String("runtime.device"),
                })),
            }).ToList();
            var all = models.Select(m => csv(m.Id)).ToArray();
            units.Add(new UnitSpec("capacity")
            {
                Inputs = all,
                Outputs = [AvatarSteps.Results(ctx, "latency.csv"), AvatarSteps.Results(ctx, "capacity.csv")],
                Params = ["latency.tex_size", .. Capacity.Select(k => "capacity." + k)],
                Command = UnitCommand.Privatar(p => new object[]
                {
                    "vae", "capacity", "--out-latency", AvatarSteps.Results(ctx, "latency.csv"), "--out-capacity", AvatarSteps.Results(ctx, "capacity.csv"),
                    "--tex-size", p.Int("latency.tex_size"),
                }.Concat(Capacity.SelectMany(k => new object[] { "--param", $"{k}={p.Text("capacity." + k)}" })).Concat(all)),
            });
            return units;
        },
    };
}
