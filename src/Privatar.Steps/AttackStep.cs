using Privatar.Contracts;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Noise;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;
using Privatar.Steps.Noise;

namespace Privatar.Steps;

/// <summary>
/// One unit per partition n and MI bound (plus "none", no noise), running
/// <c>privatar attack run</c> through its contract (<see cref="AttackArgs"/>): the empirical attack (dp and pac × three
/// reference modes) and the NN attack (dp and pac × clean-trained and adaptive attacker) under every fidelity in [noise]
/// fidelities, into attack/partition_n&lt;n&gt;/; then results/attacks.csv. Changing one MI bound reruns only that bound's
/// units (and the gather). One process per (n, MI) rather than per attack and fidelity: a unit's cost is mostly process
/// start, data and model loading. Direct split is not attacked: it has no attack_forward and no BDCT output to match.
/// </summary>
public static class AttackStep
{
    public static StepSpec Spec => new("Attack", "Empirical and NN identification attacks on the offloaded latent per n, fidelity and MI bound")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Verbs("Attack", ["Privatar.Attacks"], "AttackCommand"),
        Params = VerbCommand.Distinct(AvatarSteps.ListParams, NoiseLists.Params, VerbCommand.Params<AttackArgs>()),
        Units = ctx =>
        {
            var partitions = AvatarSteps.Models(ctx.Params, VaeVariant.Partition);
            var fidelities = NoiseLists.Fidelities(ctx.Params);
            var mis = new double?[] { null }.Concat(NoiseLists.MiBounds(ctx.Params).Select(m => (double?)m)).ToList();
            var units = partitions.SelectMany(p => mis.Select(mi => Unit(ctx, p, fidelities, mi))).ToList();
            var slices = units.SelectMany(u => u.Outputs).ToArray();
            var attacks = AvatarSteps.Paths(ctx).Results("attacks.csv");
            units.Add(new UnitSpec("attacks")
            {
                Inputs = slices,
                Outputs = [attacks],
                Params = [],
                Command = VerbCommand.Command(new AttackGatherArgs { Slices = slices, Out = attacks }),
            });
            return units;
        },
    };

    static UnitSpec Unit(PlanContext ctx, ModelConfig model, IReadOnlyList<NoiseFidelity> fidelities, double? mi)
    {
        var paths = AvatarSteps.Paths(ctx);
        var train = paths.Train(model);
        var output = paths.AttackSlice(model, mi);
        // Corrected DP clips z_offload rows before noise; no other unit reads the clip bound.
        var clips = mi is not null && fidelities.Contains(NoiseFidelity.Corrected);
        return new UnitSpec($"{model.Id}_mi_{ArtifactPaths.MiText(mi)}")
        {
            Inputs = [paths.Manifest, .. train.Checkpoint, .. NoiseInputs(paths, model.Offloaded!.Value, fidelities, mi)],
            Outputs = [output],
            Params = clips ? ContractCodec.Keys<AttackArgs>() : ContractCodec.KeysExcept<AttackArgs>(nameof(AttackArgs.DpClipBound)),
            Release = mi is not null && MnistSteps.IsRelease(ctx.Params),
            Command = VerbCommand.Command(new AttackArgs
            {
                Data = paths.Subject, CheckpointDir = train.Directory, Out = output, Mi = mi, NoiseRoot = mi is null ? null : paths.NoiseRoot,
            }),
        };
    }

    /// <summary>The noise files a unit reads: what both attacks read under every fidelity (Privatar.Contracts AttackInputs, as the verb).</summary>
    public static IEnumerable<string> NoiseInputs(ArtifactPaths paths, int n, IEnumerable<NoiseFidelity> fidelities, double? mi) =>
        mi is not { } m ? [] : fidelities.SelectMany(f => new[] { AttackKind.Empirical, AttackKind.Nn }.SelectMany(a =>
            new[] { NoiseKind.Dp, NoiseKind.Pac }.SelectMany(k => AttackInputs.Files(a, f, k, n, m)).Select(file => paths.NoiseFile(f, file)))).Distinct();
}
