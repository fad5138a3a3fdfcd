using Privatar.Contracts;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
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
    public static StepSpec Spec => new("Latency", "Time every configuration's decoder paths at batch 1 and compute users supported ([latency], [capacity])")
    {
        Code = StepCode.Vae("Latency", "LatencyCommand", "CapacityCommand"),
        // Its units time things: on a cluster each job takes a whole node, so no other job shares its cores.
        Resources = new UnitResources(Exclusive: true),
        // And each unit is a fresh process ([pipeline] workers does not apply): a warm worker (libtorch loaded, the
        // allocator's arenas grown, code jitted by earlier units) would time a different process than the paper's.
        SeparateProcesses = true,
        Params = VerbCommand.Distinct(AvatarSteps.ListParams, VerbCommand.Params<VaeLatencyArgs>(), VerbCommand.Params<VaeCapacityArgs>()),
        Units = ctx =>
        {
            var paths = AvatarSteps.Paths(ctx);
            var models = AvatarSteps.Models(ctx.Params);
            var units = models.Select(m => new UnitSpec(m.Id)
            {
                Outputs = [paths.Latency(m)],
                Params = ContractCodec.Keys<VaeLatencyArgs>(),
                Command = VerbCommand.Command(new VaeLatencyArgs { Model = m, Out = paths.Latency(m) }),
            }).ToList();
            var all = models.Select(paths.Latency).ToArray();
            units.Add(new UnitSpec("capacity")
            {
                Inputs = all,
                Outputs = [paths.Results("latency.csv"), paths.Results("capacity.csv")],
                Params = ContractCodec.Keys<VaeCapacityArgs>(),
                Command = VerbCommand.Command(new VaeCapacityArgs { Latency = all, OutLatency = paths.Results("latency.csv"), OutCapacity = paths.Results("capacity.csv") }),
            });
            return units;
        },
    };
}
