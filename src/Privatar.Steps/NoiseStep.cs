using Privatar.Contracts;
using Privatar.Noise;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;
using Privatar.Results;
using Privatar.Steps.Noise;

namespace Privatar.Steps;

/// <summary>
/// DP and PAC noise on the test latents of Evaluate, per fidelity in [noise] fidelities, each in
/// noise/&lt;fidelity&gt;/ with the original's file names. Per fidelity and target (baseline, direct split, partition local
/// and offloaded per n): one statistics unit for l2norm and one for covariance + SVD; then one unit per target, mechanism
/// and MI bound, so changing one bound reruns only that bound's units (and the three gathers). A unit's MI is its id;
/// the unit declares only the keys its computation reads. Gathers write results/noise_summary.csv (from one-row
/// slices in noise/&lt;fidelity&gt;/summary/), results/noise_vectors.csv and results/psr_bounds.csv.
/// Everything runs in the build process (Privatar.Noise is MathNet only; no TorchSharp).
/// </summary>
public static class NoiseStep
{
    public static StepSpec Spec => new("Noise", "DP and PAC noise on the test latents, per fidelity, target and MI bound, with the original's file names ([noise])")
    {
        Code = StepCode.InProcess("Noise", ["Privatar.Noise", "Privatar.Results"], "src/Privatar.Steps/Noise/*.cs"),
        Params =
        [
            P.StringList(ModelVariants.ListKey), P.IntList(ModelVariants.Of(VaeVariant.Partition).ListKey!), .. NoiseLists.Params,
            P.Int(NoiseLists.ClassesKey), P.Double(NoiseLists.ClipBoundKey), P.Int("test.batch_size"), P.Int("runtime.seed"), P.String("noise.original_latents"),
        ],
        Units = Expand,
    };

    /// <summary>baseline (DP only), direct split (offloaded n = 16), partition local and offloaded per n, as [train] variants lists them.</summary>
    public static IReadOnlyList<NoiseSource> Sources(PlanContext ctx)
    {
        var variants = ctx.Params.StringList(ModelVariants.ListKey);
        var original = ctx.Params.String("noise.original_latents") is var root && root != "none" ? root.TrimEnd('/') : null;
        var paths = AvatarSteps.Paths(ctx);
        // ours: test/<unit>/z.npy or z_offload.npy; the original's: testing_results/<its result folder>/latent_code/z_k.pth (§4)
        string Z(ModelConfig m, string originalFolder, bool offloaded) => original is null
            ? paths.Test(m).Latent(offloaded)
            : $"{original}/{originalFolder}/latent_code/{(offloaded ? "z_offload" : "z")}";
        var list = new List<NoiseSource>();
        if (variants.Contains(ModelConfig.Baseline.VariantName)) list.Add(new(NoiseTarget.Baseline, Z(ModelConfig.Baseline, "multiface", offloaded: false), Pac: false));
        if (variants.Contains(VaeVariant.DirectSplit.Name()))
            list.Add(new(NoiseTarget.DirectSplit, Z(new ModelConfig(VaeVariant.DirectSplit), "test_multiface_direct_split", offloaded: true), Pac: true));
        foreach (var m in AvatarSteps.Models(ctx.Params, VaeVariant.Partition))
        {
            var n = m.Offloaded!.Value;
            list.Add(new(NoiseTarget.Local(n), Z(m, $"test_partition_{n}", offloaded: false), Pac: true));
            list.Add(new(NoiseTarget.Offloaded(n), Z(m, $"test_partition_{n}", offloaded: true), Pac: true));
        }
        return list;
    }

    static IEnumerable<UnitSpec> Expand(PlanContext ctx)
    {
        var sources = Sources(ctx);
        var fidelities = NoiseLists.Fidelities(ctx.Params);
        var mis = NoiseLists.MiBounds(ctx.Params);
        var units = new List<UnitSpec>();
        var slices = new List<string>();
        foreach (var f in fidelities)
        {
            var of = new NoiseUnits(ctx, f);
            foreach (var s in sources)
            {
                units.Add(of.L2Norm(s));
                if (s.Pac) units.Add(of.Svd(s));
            }
            foreach (var bound in sources.SelectMany(s => mis.SelectMany(mi => s.Pac ? new[] { of.Dp(s, mi), of.Pac(s, mi) } : [of.Dp(s, mi)])))
            {
                units.Add(bound);
                slices.Add(of.Slice(bound.Id));
            }
        }
        if (slices.Count > 0) units.Add(Summary(ctx, slices));
        var radar = sources.Where(s => s.Target.Branch == LatentBranch.PartitionOffloaded).ToList();
        if (radar.Count > 0) units.Add(Vectors(ctx, fidelities, radar, mis));
        units.Add(PsrBounds(ctx));
        return units;
    }

    static UnitSpec Summary(PlanContext ctx, IReadOnlyList<string> slices) => new("summary")
    {
        Inputs = slices,
        Outputs = [AvatarSteps.Results(ctx, ResultFamilies.NoiseSummary.FileName)],
        Params = [],
        Command = UnitCommand.InProcess(u =>
        {
            var rows = slices.SelectMany(s => ResultCsv.ReadFile(ResultFamilies.NoiseSummary, u.PathOf(s))).ToList();
            ResultCsv.WriteFile(ResultFamilies.NoiseSummary, u.PathOf(AvatarSteps.Results(ctx, ResultFamilies.NoiseSummary.FileName)), rows);
            u.Log.Info($"{rows.Count} noise files -> {ResultFamilies.NoiseSummary.FileName}");
        }),
    };

    /// <summary>Radar vectors of every offloaded branch (partition n and the direct split) per fidelity and bound.</summary>
    static UnitSpec Vectors(PlanContext ctx, IReadOnlyList<NoiseFidelity> fidelities, IReadOnlyList<NoiseSource> radar, IReadOnlyList<double> mis) => new("vectors")
    {
        Inputs = [.. fidelities.SelectMany(f => radar.SelectMany(s => new NoiseUnits(ctx, f).VectorInputs(s, mis))).Distinct()],
        Outputs = [AvatarSteps.Results(ctx, ResultFamilies.NoiseVectors.FileName)],
        Params = ["runtime.seed"],
        Command = UnitCommand.InProcess(u =>
        {
            var seed = u.Params.Int("runtime.seed");
            var rows = fidelities.SelectMany(f => radar.SelectMany(s => mis.SelectMany(mi =>
                NoiseWork.Vectors(u.PathOf(AvatarSteps.NoiseDir(ctx, f.Name())), u.PathOf(s.Latents), s.Target, mi, f, seed)))).ToList();
            ResultCsv.WriteFile(ResultFamilies.NoiseVectors, u.PathOf(AvatarSteps.Results(ctx, ResultFamilies.NoiseVectors.FileName)), rows);
            u.Log.Info($"{rows.Count} rows -> {ResultFamilies.NoiseVectors.FileName}");
        }),
    };

    static UnitSpec PsrBounds(PlanContext ctx) => new("psr_bounds")
    {
        Outputs = [AvatarSteps.Results(ctx, ResultFamilies.PsrBounds.FileName)],
        Params = [NoiseLists.FidelitiesKey, NoiseLists.MiBoundsKey, NoiseLists.ClassesKey],
        Command = UnitCommand.InProcess(u =>
        {
            var rows = NoiseWork.PsrBounds(NoiseLists.Fidelities(u.Params), NoiseLists.MiBounds(u.Params), u.Params.Int(NoiseLists.ClassesKey)).ToList();
            ResultCsv.WriteFile(ResultFamilies.PsrBounds, u.PathOf(AvatarSteps.Results(ctx, ResultFamilies.PsrBounds.FileName)), rows);
            foreach (var r in rows)
                u.Log.Info($"{r.Fidelity}: MI {r.Mi} nats -> PSR {r.Psr:G4} (K = {r.Classes}, prior {r.Prior:G4}{(r.Vacuous ? ", vacuous" : "")})");
        }),
    };
}
