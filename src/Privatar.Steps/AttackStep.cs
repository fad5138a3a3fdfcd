using Privatar.Noise;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// One unit per partition n and MI bound (plus "none", no noise), running
/// <c>privatar attack run</c>: the empirical attack (dp and pac × three reference modes) and the NN attack (dp and pac ×
/// clean-trained and adaptive attacker) under every fidelity in [noise] fidelities, into attack/partition_n&lt;n&gt;/; then
/// results/attacks.csv. Changing one MI bound reruns only that bound's units (and the gather). One process per (n, MI)
/// rather than per attack and fidelity: a unit's cost is mostly process start, data and model loading.
/// Direct split is not attacked: it has no attack_forward and no BDCT output to match.
/// </summary>
public static class AttackStep
{
    /// <summary>The [attack] keys of the NN attacker (the empirical attack has no settings of its own).</summary>
    static readonly string[] NnKeys = ["attack.nn_hidden", "attack.nn_epochs", "attack.nn_lr", "attack.nn_corrected_epochs", "attack.nn_corrected_lr", "attack.nn_momentum", "attack.nn_batch_size", "attack.nn_latent_draws"];

    public static StepSpec Spec => new("Attack", "empirical and NN identification attacks on the offloaded latent, per n, fidelity and MI")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code =
        [
            .. AvatarSteps.DataCode, .. AvatarSteps.ModelCode, .. AvatarSteps.AttackCode, "src/Privatar.Noise/*.cs", "src/Privatar.Attacks/*.cs",
            "src/Privatar.Steps/AttackStep.cs",
        ],
        Params =
        [
            .. AvatarSteps.ListParams, P.StringList("noise.fidelities").OneOf(TrainStep.Fidelities), P.DoubleList("noise.mi_bounds").Above(0), P.Double("noise.dp_clip_bound"),
            P.Int("attack.nn_hidden").AtLeast(1), P.Int("attack.nn_epochs").AtLeast(1), P.Double("attack.nn_lr").Above(0), P.Int("attack.nn_corrected_epochs").AtLeast(1), P.Double("attack.nn_corrected_lr").Above(0),
            P.Double("attack.nn_momentum"),
            P.Int("attack.nn_batch_size").AtLeast(1), P.Int("attack.nn_latent_draws").AtLeast(1), P.Int("runtime.seed"), P.Int("attack.threads").AtLeast(0).Unstamped(),
        ],
        Units = ctx =>
        {
            var partitions = AvatarSteps.Models(ctx.Params).Where(m => m.Variant == "partition").Select(m => (Id: m.Id, N: (int)m.Options[1])).ToList();
            var fidelities = ctx.Params.StringList("noise.fidelities").Select(f => NoiseFidelityText.Parse(f, "[noise] fidelities")).Distinct().ToList();
            var mis = new double?[] { null }.Concat(ctx.Params.DoubleList("noise.mi_bounds").Select(m => (double?)m)).ToList();
            var units = partitions.SelectMany(p => mis.Select(mi => Unit(ctx, p.Id, p.N, fidelities, mi))).ToList();
            var slices = units.SelectMany(u => u.Outputs).ToArray();
            units.Add(new UnitSpec("attacks")
            {
                Inputs = slices,
                Outputs = [AvatarSteps.Results(ctx, "attacks.csv")],
                Params = [],
                Command = UnitCommand.Privatar(_ => new object[] { "attack", "gather", "--out", AvatarSteps.Results(ctx, "attacks.csv") }.Concat(slices)),
            });
            return units;
        },
    };

    static UnitSpec Unit(PlanContext ctx, string modelId, int n, IReadOnlyList<NoiseFidelity> fidelities, double? mi)
    {
        var miText = mi is { } m ? NoiseFileNames.Mi(m) : "none";
        var train = AvatarSteps.TrainDir(ctx, modelId);
        var output = ctx.Artifact($"attack/{modelId}/mi_{miText}.csv");
        // Corrected DP clips z_offload rows before noise; no other unit reads the clip bound.
        var clips = mi is not null && fidelities.Contains(NoiseFidelity.Corrected);
        var keys = new List<string> { "noise.fidelities", "runtime.seed", "attack.threads" };
        if (clips) keys.Add("noise.dp_clip_bound");
        keys.AddRange(NnKeys);
        return new UnitSpec($"{modelId}_mi_{miText}")
        {
            Inputs =
            [
                AvatarSteps.Manifest(ctx), $"{train}/best_model.pt", $"{train}/checkpoint.json",
                .. fidelities.SelectMany(f => new[] { "empirical", "nn" }.SelectMany(a => NoiseInputs(ctx, a, n, f, mi))).Distinct(),
            ],
            Outputs = [output],
            Params = keys,
            Command = UnitCommand.Privatar(p =>
            {
                var args = new List<object>
                {
                    "attack", "run", "--data", AvatarSteps.Subject(ctx), "--checkpoint-dir", train, "--mi", miText,
                    "--fidelity", string.Join(",", p.StringList("noise.fidelities")),
                    "--seed", p.Long("runtime.seed"), "--threads", p.Int("attack.threads"), "--out", output,
                    "--hidden", p.Int("attack.nn_hidden"), "--epochs", p.Int("attack.nn_epochs"), "--lr", p.Double("attack.nn_lr"),
                    "--corrected-epochs", p.Int("attack.nn_corrected_epochs"), "--corrected-lr", p.Double("attack.nn_corrected_lr"),
                    "--momentum", p.Double("attack.nn_momentum"), "--batch-size", p.Int("attack.nn_batch_size"), "--latent-draws", p.Int("attack.nn_latent_draws"),
                };
                if (mi is not null) args.AddRange(["--noise-root", ctx.Artifact("noise")]);
                if (clips) args.AddRange(["--dp-clip-bound", p.Double("noise.dp_clip_bound")]);
                return args;
            }),
        };
    }

    /// <summary>
    /// The noise files a unit reads (Privatar.Attacks AttackNoise.Files, kept equal by a test): the empirical attack under
    /// original reads the local-branch file (the launcher's bug); every other unit the offloaded one; corrected PAC also u.
    /// </summary>
    public static IEnumerable<string> NoiseInputs(PlanContext ctx, string attack, int n, NoiseFidelity fidelity, double? mi)
    {
        if (mi is not { } m) yield break;
        var target = attack == "empirical" && fidelity == NoiseFidelity.Original ? NoiseTarget.Local(n) : NoiseTarget.Offloaded(n);
        var dir = fidelity.Name();
        yield return AvatarSteps.NoiseFile(ctx, dir, NoiseFileNames.DpNoise(target, m));
        yield return AvatarSteps.NoiseFile(ctx, dir, NoiseFileNames.PacNoise(target, m));
        if (fidelity == NoiseFidelity.Corrected) yield return AvatarSteps.NoiseFile(ctx, dir, NoiseFileNames.SvdU(target));
    }
}
