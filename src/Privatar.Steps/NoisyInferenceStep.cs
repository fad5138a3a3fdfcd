using Privatar.Contracts;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Core;
using Privatar.Noise;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;
using Privatar.Steps.Noise;

namespace Privatar.Steps;

/// <summary>
/// Noisy inference (reference §5.1): the test of the baseline, direct split and every partition n with DP or PAC noise on the
/// latent each offloads (<c>privatar vae noisy-test</c>). Units: one clean reference over every model, and one per
/// fidelity and MI bound running that bound's DP and PAC files on every model (PAC: not for the baseline), so changing
/// one MI bound or adding a fidelity reruns only the units of that bound or fidelity. A unit covers all models because
/// starting a TorchSharp process costs more than testing one model on smoke (measured: ~3 s of ~6 s per unit); a
/// retrained model therefore reruns every unit. Slices go to noisy/, a gather unit writes results/noisy_inference.csv. A grid unit writes results/reconstruction_grid.csv and its PNGs: the photo,
/// the baseline and every partition n clean, and the largest n with DP and PAC noise at [noisy_inference] grid_mi
/// under the headline (first) fidelity.
/// </summary>
public static class NoisyInferenceStep
{
    /// <summary>A model that offloads a latent: its unit id (train/&lt;id&gt;) and the noise files' target.</summary>
    sealed record Offloader(string Id, NoiseTarget Target, bool HasPac);

    static readonly ModelConfig DirectSplit = new(VaeVariant.DirectSplit);

    static IReadOnlyList<Offloader> Offloaders(ParamValues p)
    {
        var variants = p.StringList(ModelVariants.ListKey);
        var list = new List<Offloader>();
        // The baseline offloads its whole latent, which has no PAC noise; direct split and the partitions have both.
        foreach (var m in new[] { ModelConfig.Baseline, DirectSplit }.Where(m => variants.Contains(m.VariantName)))
            list.Add(new(m.Id, m.OffloadedTarget!.Value, HasPac: m.Variant != VaeVariant.Baseline));
        list.AddRange(AvatarSteps.Models(p, VaeVariant.Partition).Select(m => new Offloader(m.Id, m.OffloadedTarget!.Value, true)));
        return list;
    }

    /// <summary>The noise files one (model, fidelity, MI) unit reads, relative to the fidelity's noise folder: what the verb reads.</summary>
    static IEnumerable<string> NoiseFiles(Offloader m, string fidelity, double mi) =>
        (m.HasPac ? new[] { NoiseKind.Dp, NoiseKind.Pac } : [NoiseKind.Dp])
            .SelectMany(k => NoiseFileNames.TransformFiles(k, m.Target, mi, NoiseFidelityText.Parse(fidelity)));

    /// <summary>
    /// The contract's keys a unit declares: the clean unit reads no noise key; a noisy unit reads runtime.noise, and under
    /// corrected also K (its PSR) and the DP clip bound, so changing those reruns only the corrected units.
    /// </summary>
    static IReadOnlyList<string> Keys<T>(string? fidelity)
    {
        var unread = new List<string>();
        if (fidelity != "corrected") unread.AddRange([nameof(NoisyTestArgs.Classes), nameof(NoisyTestArgs.ClipBound)]);
        if (fidelity is null) unread.Add(nameof(NoisyTestArgs.Noise));
        return ContractCodec.KeysExcept<T>([.. unread]);
    }

    public static StepSpec Spec => new("NoisyInference", "Test with DP/PAC noise on the offloaded latent per model, fidelity and MI bound; the reconstruction grid ([noise], [noisy_inference])")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Vae("NoisyInference", "NoisyCommand"),
        Params = VerbCommand.Distinct(AvatarSteps.ListParams, NoiseLists.Params,
            VerbCommand.Params<NoisyTestArgs>(), VerbCommand.Params<NoisyGridArgs>()),
        Units = ctx =>
        {
            var models = Offloaders(ctx.Params);
            var fidelities = NoiseLists.Fidelities(ctx.Params).Select(f => f.Name()).ToList();
            var bounds = NoiseLists.MiBounds(ctx.Params);
            var units = new List<UnitSpec>();
            if (models.Count == 0) return units;   // no variant offloads a latent
            var slices = new List<string>();
            string[] checkpoints = [AvatarSteps.Manifest(ctx), .. models.SelectMany(m => new[] { $"{AvatarSteps.TrainDir(ctx, m.Id)}/best_model.pt", $"{AvatarSteps.TrainDir(ctx, m.Id)}/checkpoint.json" })];
            NoisyTestArgs Args(string csv) => new()
            {
                Data = AvatarSteps.Subject(ctx), Out = csv, CheckpointDir = [.. models.Select(m => AvatarSteps.TrainDir(ctx, m.Id))],
                Mechanism = ["none"],
            };
            var clean = ctx.Artifact("noisy/clean.csv");
            slices.Add(clean);
            units.Add(new UnitSpec("clean")
            {
                Inputs = checkpoints, Outputs = [clean], Params = Keys<NoisyTestArgs>(null),
                Command = VerbCommand.Command(Args(clean)),
            });
            foreach (var f in fidelities)
                foreach (var mi in bounds)
                {
                    var csv = ctx.Artifact($"noisy/{f}_mi{NoiseFileNames.Mi(mi)}.csv");
                    slices.Add(csv);
                    units.Add(new UnitSpec($"{f}_mi{NoiseFileNames.Mi(mi)}")
                    {
                        Inputs = [.. checkpoints, .. models.SelectMany(m => NoiseFiles(m, f, mi)).Distinct().Select(n => AvatarSteps.NoiseFile(ctx, f, n))],
                        Outputs = [csv],
                        Params = Keys<NoisyTestArgs>(f),
                        Release = MnistSteps.IsRelease(ctx.Params),
                        Command = VerbCommand.Command(Args(csv) with
                        {
                            Mechanism = ["dp", "pac"], NoiseDir = AvatarSteps.NoiseDir(ctx, f), Fidelity = NoiseFidelityText.Parse(f), Mi = mi,
                        }),
                    });
                }
            var family = AvatarSteps.Results(ctx, "noisy_inference.csv");
            units.Add(new UnitSpec("noisy_inference")
            {
                Inputs = slices, Outputs = [family], Params = [],
                Command = VerbCommand.Command(new NoisyGatherArgs { Slices = slices, Out = family }),
            });
            if (GridUnit(ctx, models, fidelities, bounds) is { } grid) units.Add(grid);
            return units;
        },
    };

    /// <summary>The grid: photo, baseline and partitions clean, the largest n with DP and PAC noise (headline fidelity, grid_mi).</summary>
    static UnitSpec? GridUnit(PlanContext ctx, IReadOnlyList<Offloader> models, IReadOnlyList<string> fidelities, IReadOnlyList<double> bounds)
    {
        var partitions = models.Where(m => m.Target.Branch == LatentBranch.PartitionOffloaded && m.Id != DirectSplit.Id).ToList();
        if (partitions.Count == 0) return null;   // the grid compares partitions; without any there is nothing to show
        var clean = models.Where(m => m.Id == ModelConfig.Baseline.Id).Concat(partitions).ToList();
        var noisy = partitions.MaxBy(m => m.Target.OffloadedComponents)!;
        var fidelity = fidelities[0];
        var mi = ctx.Params.Double(ContractCodec.KeyOf<NoisyGridArgs>(nameof(NoisyGridArgs.Mi)));
        if (!bounds.Contains(mi))
            throw new ArgumentException($"[noisy_inference] grid_mi = {Invariant.Format(mi)}: expected one of [noise] mi_bounds ({string.Join(", ", bounds.Select(Invariant.Format))})");
        var samples = ctx.Params.Int(ContractCodec.KeyOf<NoisyGridArgs>(nameof(NoisyGridArgs.Samples)));
        if (samples < 1) throw new ArgumentException($"[noisy_inference] grid_samples = {samples}: expected at least 1");
        var results = AvatarSteps.Results(ctx, "");
        var columns = clean.Count + 3;   // photo, clean models, dp and pac
        var images = Enumerable.Range(0, samples).SelectMany(i => Enumerable.Range(0, columns).Select(j => AvatarSteps.Results(ctx, $"reconstruction_grid/r{i}_c{j}.png")));
        string Train(Offloader m) => AvatarSteps.TrainDir(ctx, m.Id);
        var grid = new Offloader(noisy.Id, noisy.Target, HasPac: true);
        return new UnitSpec("reconstruction_grid")
        {
            Inputs =
            [
                AvatarSteps.Manifest(ctx), .. clean.Append(noisy).Distinct().SelectMany(m => new[] { $"{Train(m)}/best_model.pt", $"{Train(m)}/checkpoint.json" }),
                .. NoiseFiles(grid, fidelity, mi).Select(n => AvatarSteps.NoiseFile(ctx, fidelity, n)),
            ],
            Outputs = [AvatarSteps.Results(ctx, "reconstruction_grid.csv"), .. images],
            Params = Keys<NoisyGridArgs>(fidelity),
            Release = MnistSteps.IsRelease(ctx.Params),
            Command = VerbCommand.Command(new NoisyGridArgs
            {
                Data = AvatarSteps.Subject(ctx), Results = results.TrimEnd('/'), Clean = [.. clean.Select(Train)], Noisy = Train(noisy),
                NoiseDir = AvatarSteps.NoiseDir(ctx, fidelity), Fidelity = NoiseFidelityText.Parse(fidelity),
            }),
        };
    }
}
